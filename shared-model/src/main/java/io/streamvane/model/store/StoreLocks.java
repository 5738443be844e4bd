package io.streamvane.model.store;

/** Advisory-lock keys shared across services, as SQL expressions, so two statements never lock under two names. */
public final class StoreLocks {

    /** Publication of the KPI settings at start-up. */
    public static final String KPI_SETTINGS = "hashtext('streamvane_kpi_settings')";

    /** A replay (exclusive) against the live projection (shared): one restates while the other waits. */
    public static final String REPLAY = "hashtext('streamvane_replay')";

    /**
     * One inbox shard ({@link InboxShard}), held by the transaction projecting it; the first key of the two-key form
     * {@code pg_try_advisory_xact_lock(INBOX_SHARD, shard)}.
     */
    public static final String INBOX_SHARD = "hashtext('streamvane_inbox_shard')";

    /** The raw-event partition job, one replica at a time. */
    public static final String RAW_PARTITION_JOB = "hashtext('streamvane_raw_partition_job')";

    /** The sink outbox retention job, one replica at a time. */
    public static final String SINK_RETENTION = "hashtext('streamvane_sink_retention')";

    private StoreLocks() {
    }
}
