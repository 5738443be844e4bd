package io.streamvane.ingress.pipeline;

/** The metrics store could not be written: a transient failure, nothing was committed, retry later. */
public class StoreUnavailableException extends RuntimeException {

    public StoreUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
