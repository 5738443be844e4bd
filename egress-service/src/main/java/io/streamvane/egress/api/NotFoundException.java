package io.streamvane.egress.api;

/** An unknown queue or agent; the message becomes the problem detail of a 404 and {@code reason} its reason. */
class NotFoundException extends RuntimeException {

    static final String UNKNOWN_QUEUE = "unknown-queue";
    static final String UNKNOWN_AGENT = "unknown-agent";

    private final String reason;

    private NotFoundException(String reason, String message) {
        super(message);
        this.reason = reason;
    }

    static NotFoundException queue(String queueId) {
        return new NotFoundException(UNKNOWN_QUEUE, "unknown queue '" + queueId + "'");
    }

    static NotFoundException agent(String userId) {
        return new NotFoundException(UNKNOWN_AGENT, "unknown agent '" + userId + "'");
    }

    String reason() {
        return reason;
    }
}
