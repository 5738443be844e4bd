package io.streamvane.engine.harness;

import io.streamvane.engine.finality.FinalitySweep;
import io.streamvane.model.kpi.KpiSettings;
import io.streamvane.model.store.SourceWatermarks;
import io.streamvane.engine.inbox.InboxConsumer;
import io.streamvane.engine.projection.Projector;
import io.streamvane.model.event.EventParser;
import io.streamvane.model.event.GenesysEvent;
import io.streamvane.model.event.ParseResult;
import io.streamvane.model.kpi.Granularity;
import io.streamvane.model.kpi.ServiceLevelPolicy;
import io.streamvane.model.store.RawEvent;
import io.streamvane.model.store.RawEventInsert;
import io.streamvane.model.store.Transactions;
import io.streamvane.testsupport.TestDatabases;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import javax.sql.DataSource;

/**
 * The engine against a real, freshly migrated PostgreSQL, driven by hand like Kafka's TopologyTestDriver: feed
 * events (through ingress's dedup insert into raw_event and engine_inbox, {@link RawEventInsert}), drain the inbox,
 * advance the watermark, sweep finality, then read the tables. No timers, no sleeps.
 */
public final class EngineHarness {

    public static final String SOURCE = "simulator";

    private final DataSource dataSource;
    private final Transactions tx;
    private final EventParser parser = new EventParser();
    private final InboxConsumer consumer;
    private final FinalitySweep finality;

    public EngineHarness() {
        this(ServiceLevelPolicy.defaults());
    }

    public EngineHarness(ServiceLevelPolicy policy) {
        this(() -> policy);
    }

    /** An engine whose projection reads the policy from {@code policy} per batch (for settings changes). */
    public EngineHarness(Supplier<ServiceLevelPolicy> policy) {
        this(TestDatabases.freshMigrated().dataSource(), policy);
    }

    /** A further engine on an existing database, e.g. one whose policy changed. */
    public EngineHarness(DataSource dataSource, Supplier<ServiceLevelPolicy> policy) {
        this.dataSource = dataSource;
        this.tx = new Transactions(dataSource);
        this.consumer = new InboxConsumer(tx, new Projector(Granularity.PT15M, policy), parser);
        this.finality = new FinalitySweep(tx, Granularity.PT15M, Duration.ofDays(3650), 1000);
    }

    public DataSource dataSource() {
        return dataSource;
    }

    public Transactions transactions() {
        return tx;
    }

    public InboxConsumer consumer() {
        return consumer;
    }

    public FinalitySweep finality() {
        return finality;
    }

    /** Accepts payloads with ingress's insert: raw_event deduplicated by identity, one inbox row per new event. */
    public int feed(List<String> payloads) throws SQLException {
        Instant receivedAt = Instant.now();
        return tx.inTransaction(c -> {
            int accepted = 0;
            for (String payload : payloads) {
                ParseResult.Items items = (ParseResult.Items) parser.parse(payload);
                if (!items.rejections().isEmpty()) {
                    throw new IllegalArgumentException(items.rejections() + " in " + payload);
                }
                for (GenesysEvent e : items.acceptedEvents()) {
                    accepted += RawEventInsert.run(c, List.of(RawEvent.of(e, receivedAt)), SOURCE).insertedCount();
                }
            }
            return accepted;
        });
    }

    public int feed(String... payloads) throws SQLException {
        return feed(List.of(payloads));
    }

    public int drain() throws SQLException {
        return consumer.drain(100);
    }

    /** Ingress advancing its watermark for {@link #SOURCE} to a newest event time, with the default lateness. */
    public void advanceWatermark(Instant maxEventTime) throws SQLException {
        tx.inTransaction(c -> {
            SourceWatermarks.advance(c, SOURCE, maxEventTime, KpiSettings.DEFAULTS.allowedLateness());
            return null;
        });
    }

    public int sweep() throws SQLException {
        return finality.sweep();
    }

    /** Rows of a query as ordered maps of column to value, for assertions. */
    public List<Map<String, Object>> rows(String sql) throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(sql)) {
            List<Map<String, Object>> out = new ArrayList<>();
            int n = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                Map<String, Object> row = new LinkedHashMap<>();
                for (int i = 1; i <= n; i++) {
                    Object v = rs.getObject(i);
                    row.put(rs.getMetaData().getColumnLabel(i), v instanceof Timestamp t ? t.toInstant() : v);
                }
                out.add(row);
            }
            return out;
        }
    }

    public Map<String, Object> row(String sql) throws SQLException {
        List<Map<String, Object>> rows = rows(sql);
        if (rows.size() != 1) {
            throw new AssertionError("expected one row, got " + rows + " for " + sql);
        }
        return rows.get(0);
    }

    public void truncateAll() throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            // DELETE, not TRUNCATE: truncating the ~50 raw_event partitions costs seconds per call.
            for (String table : List.of("raw_event", "engine_inbox", "queue_interval", "agent_interval",
                    "agent_queue_interval", "agent_segment", "acd_session", "agent_state", "routing_status_history",
                    "presence_history",
                    "queue_observation",
                    "watermark", "kpi_change_log", "engine_replay")) {
                s.execute("DELETE FROM " + table);
            }
        }
    }
}
