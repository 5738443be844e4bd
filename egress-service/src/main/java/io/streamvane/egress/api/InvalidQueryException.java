package io.streamvane.egress.api;

/** A request the API cannot answer as asked; the message becomes the problem detail of a 400. */
class InvalidQueryException extends RuntimeException {

    InvalidQueryException(String message) {
        super(message);
    }
}
