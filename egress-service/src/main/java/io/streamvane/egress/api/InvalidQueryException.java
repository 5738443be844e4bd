package io.streamvane.egress.api;

/**
 * A request the API cannot answer as asked; the message becomes the problem detail of a 400 and {@code reason} its
 * stable, machine-readable {@code reason} (and the last segment of its {@code type}).
 */
class InvalidQueryException extends RuntimeException {

    static final String INVALID_RANGE = "invalid-range";
    static final String INVALID_GRANULARITY = "invalid-granularity";
    static final String INVALID_LIMIT = "invalid-limit";
    static final String SPAN_TOO_LARGE = "span-too-large";
    static final String INVALID_TIME_ZONE = "invalid-time-zone";

    private final String reason;

    InvalidQueryException(String reason, String message) {
        super(message);
        this.reason = reason;
    }

    String reason() {
        return reason;
    }
}
