/**
 * The canonical model every Streamvane service speaks: Genesys events as they arrive, the KPI definitions of
 * SPEC §2, and the metrics-store schema (Flyway scripts under {@code db/migration}). Plain Java, no Spring.
 */
package io.streamvane.model;
