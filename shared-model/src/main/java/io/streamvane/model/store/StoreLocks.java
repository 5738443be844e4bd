package io.streamvane.model.store;

/** Advisory-lock keys shared across services, as SQL expressions, so two statements never lock under two names. */
public final class StoreLocks {

    /** Publication of the KPI settings at start-up. */
    public static final String KPI_SETTINGS = "hashtext('streamvane_kpi_settings')";

    private StoreLocks() {
    }
}
