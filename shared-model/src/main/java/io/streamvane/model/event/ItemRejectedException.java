package io.streamvane.model.event;

/**
 * Carries a rejection from deep inside the readers up to {@link EventParser}, which turns it into a value; it never
 * leaves this package. No stack trace: it is an expected outcome for bad input, not a fault.
 */
final class ItemRejectedException extends RuntimeException {

    private final RejectionReason reason;
    private final String detail;

    ItemRejectedException(RejectionReason reason, String detail) {
        super(reason.code() + ": " + detail, null, false, false);
        this.reason = reason;
        this.detail = detail;
    }

    static ItemRejectedException missing(String detail) {
        return new ItemRejectedException(RejectionReason.MISSING_FIELD, detail);
    }

    static ItemRejectedException invalid(String detail) {
        return new ItemRejectedException(RejectionReason.INVALID_FIELD, detail);
    }

    RejectionReason reason() {
        return reason;
    }

    String detail() {
        return detail;
    }
}
