package io.streamvane.model.store;

/**
 * The NOTIFY channels the schema's triggers raise (V1, V2, V11) and the services LISTEN on: named here once, next to
 * the schema, so a listener cannot drift from its trigger.
 */
public final class StoreChannels {

    /** A row entered {@code engine_inbox}: the engine's workers wake. */
    public static final String INBOX = "streamvane_inbox";

    /** A row entered {@code kpi_change_log}: the push sinks and the wallboard wake. */
    public static final String KPI_CHANGES = "streamvane_kpi_changes";

    /** Real-time queue or agent state changed: the wallboard wakes. */
    public static final String REALTIME_CHANGES = "streamvane_realtime_changes";

    private StoreChannels() {
    }
}
