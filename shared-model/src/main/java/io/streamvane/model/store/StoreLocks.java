package io.streamvane.model.store;

/** Advisory-lock keys shared across services, as SQL expressions, so two statements never lock under two names. */
public final class StoreLocks {

    /** Publication of the KPI settings at start-up. */
    public static final String KPI_SETTINGS = "hashtext('streamvane_kpi_settings')";

    /** A replay (exclusive) against the live projection (shared): one restates while the other waits. */
    public static final String REPLAY = "hashtext('streamvane_replay')";

    /** The raw-event partition job, one replica at a time. */
    public static final String RAW_PARTITION_JOB = "hashtext('streamvane_raw_partition_job')";

    /** The sink outbox retention job, one replica at a time. */
    public static final String SINK_RETENTION = "hashtext('streamvane_sink_retention')";

    private StoreLocks() {
    }
}
