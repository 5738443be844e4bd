package io.streamvane.scheduler.admin;

/** The answer to a backfill request: the manual gap recorded for it, {@code open} until the gap-fill job takes it. */
record BackfillAccepted(long gapId, String status) {

    static BackfillAccepted open(long gapId) {
        return new BackfillAccepted(gapId, "open");
    }
}
