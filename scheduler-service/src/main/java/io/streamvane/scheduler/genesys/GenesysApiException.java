package io.streamvane.scheduler.genesys;

/** A Genesys call that failed for good: not retryable, or out of attempts. */
public class GenesysApiException extends RuntimeException {

    private final int status;

    public GenesysApiException(String message, int status, Throwable cause) {
        super(message, cause);
        this.status = status;
    }

    /** HTTP status of the last attempt, 0 when no response was received. */
    public int status() {
        return status;
    }
}
