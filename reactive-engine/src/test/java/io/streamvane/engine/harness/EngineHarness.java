package io.streamvane.engine.harness;

import io.streamvane.engine.finality.FinalitySweep;
import io.streamvane.engine.inbox.InboxConsumer;
import io.streamvane.engine.projection.Projector;
import io.streamvane.engine.store.Transactions;
import io.streamvane.model.event.EventParser;
import io.streamvane.model.event.GenesysEvent;
import io.streamvane.model.event.ParseResult;
import io.streamvane.model.kpi.Granularity;
import io.streamvane.model.kpi.ServiceLevelPolicy;
import io.streamvane.testsupport.TestDatabases;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Clock;
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
 * events (through ingress's dedup insert into raw_event and engine_inbox), drain the inbox, advance the watermark,
 * sweep finality, then read the tables. No timers, no sleeps.
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
        this.finality = new FinalitySweep(tx, Duration.ofDays(3650), Clock.systemUTC(), 1000);
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

    /** Accepts payloads as ingress does: raw_event insert deduplicated by identity, one inbox row per new event. */
    public int feed(List<String> payloads) throws SQLException {
        return tx.inTransaction(c -> {
            int accepted = 0;
            for (String payload : payloads) {
                ParseResult.Items items = (ParseResult.Items) parser.parse(payload);
                if (!items.rejections().isEmpty()) {
                    throw new IllegalArgumentException(items.rejections() + " in " + payload);
                }
                for (GenesysEvent e : items.acceptedEvents()) {
                    accepted += accept(c, e, payload);
                }
            }
            return accepted;
        });
    }

    public int feed(String... payloads) throws SQLException {
        return feed(List.of(payloads));
    }

    private static int accept(Connection c, GenesysEvent e, String payload) throws SQLException {
        long rawId;
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO raw_event (identity_digest, identity_key, "
                + "topic_kind, topic_name, event_time, source, body) VALUES (?, ?, ?, ?, ?, ?, ?::jsonb) "
                + "ON CONFLICT (identity_digest, event_time) DO NOTHING RETURNING id")) {
            ps.setBytes(1, e.identity().digest());
            ps.setString(2, e.identity().key());
            ps.setString(3, e.kind().name());
            ps.setString(4, e.topicName());
            ps.setTimestamp(5, Timestamp.from(e.eventTime()));
            ps.setString(6, SOURCE);
            ps.setString(7, e.eventBodyJson());
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return 0;
                }
                rawId = rs.getLong(1);
            }
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO engine_inbox (raw_event_id, event_time, "
                + "topic_kind, payload) VALUES (?, ?, ?, ?::jsonb)")) {
            ps.setLong(1, rawId);
            ps.setTimestamp(2, Timestamp.from(e.eventTime()));
            ps.setString(3, e.kind().name());
            ps.setString(4, payload);
            ps.executeUpdate();
        }
        return 1;
    }

    public int drain() throws SQLException {
        return consumer.drain(100);
    }

    /** Ingress advancing its watermark for {@link #SOURCE} to a newest event time, with the default lateness. */
    public void advanceWatermark(Instant maxEventTime) throws SQLException {
        tx.inTransaction(c -> {
            FinalitySweep.advance(c, SOURCE, maxEventTime, Duration.ofMinutes(5));
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
                    "agent_segment", "acd_session", "agent_state", "routing_status_history", "queue_observation",
                    "watermark", "kpi_change_log", "engine_replay")) {
                s.execute("DELETE FROM " + table);
            }
        }
    }
}
