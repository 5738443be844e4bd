package io.streamvane.egress.api;

/** An unknown queue or agent; the message becomes the problem detail of a 404. */
class NotFoundException extends RuntimeException {

    NotFoundException(String message) {
        super(message);
    }
}
