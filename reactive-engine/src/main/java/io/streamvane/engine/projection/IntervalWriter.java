package io.streamvane.engine.projection;

import io.streamvane.model.kpi.AgentComponents;
import io.streamvane.model.kpi.AgentMetric;
import io.streamvane.model.kpi.Granularity;
import io.streamvane.model.kpi.IntervalComponents;
import io.streamvane.model.kpi.QueueMetric;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.stream.Collectors;

/**
 * Writes summed interval deltas as additive upserts ({@code x = row.x + excluded.x}), one statement per table with
 * the keys in sorted order, then the change-log rows last (their trigger serialises committers, so ids follow
 * commit order). Revision rule: every committed change of a row, including becoming final, increments its revision
 * by one; a new row starts at revision 1. Each change is one change-log row carrying the new revision and finality.
 */
public final class IntervalWriter {

    /** The stored components' columns, in catalogue order. */
    static final String QUEUE_COLUMNS = QueueMetric.components().stream().map(QueueMetric::column)
            .collect(Collectors.joining(", "));
    static final String AGENT_COLUMNS = Arrays.stream(AgentMetric.values()).map(AgentMetric::column)
            .collect(Collectors.joining(", "));

    /** The agent × queue row's columns: the components an agent's own events complete. */
    static final String AGENT_QUEUE_COLUMNS = QueueMetric.agentComponents().stream().map(QueueMetric::column)
            .collect(Collectors.joining(", "));

    private static final String UPSERT_AGENT_QUEUE = upsert("agent_queue_interval", "user_id, queue_id, media_type",
            AGENT_QUEUE_COLUMNS, "?::text[], ?::text[], ?::text[]");
    private static final String UPSERT_QUEUE = upsert("queue_interval", "queue_id, media_type", QUEUE_COLUMNS,
            "?::text[], ?::text[]");
    private static final String UPSERT_AGENT = upsert("agent_interval", "user_id", AGENT_COLUMNS, "?::text[]");

    private final Granularity base;

    public IntervalWriter(Granularity base) {
        this.base = base;
    }

    /** A row as committed: its key, new revision and finality. {@code queueId}/{@code mediaType} or {@code userId}. */
    public record ChangedRow(String kind, String queueId, String mediaType, String userId, Instant intervalStart,
            int revision, boolean isFinal) {
    }

    /** Applies the deltas and returns the changed rows; call {@link #logChanges} last in the transaction. */
    public List<ChangedRow> apply(Connection c, IntervalDeltas deltas) throws SQLException {
        List<ChangedRow> changed = new ArrayList<>();
        NavigableMap<QueueKey, IntervalComponents> queue = deltas.queue();
        if (!queue.isEmpty()) {
            try (PreparedStatement ps = c.prepareStatement(UPSERT_QUEUE)) {
                int n = queue.size();
                String[] q = new String[n];
                String[] m = new String[n];
                Timestamp[] starts = new Timestamp[n];
                Timestamp[] ends = new Timestamp[n];
                int width = QueueMetric.components().size();
                Long[][] cols = new Long[width][n];
                int i = 0;
                for (Map.Entry<QueueKey, IntervalComponents> e : queue.entrySet()) {
                    q[i] = e.getKey().queueId();
                    m[i] = e.getKey().mediaType();
                    starts[i] = Timestamp.from(e.getKey().intervalStart());
                    ends[i] = Timestamp.from(e.getKey().intervalStart().plus(base.duration()));
                    long[] v = e.getValue().toArray();
                    for (int k = 0; k < width; k++) {
                        cols[k][i] = v[k];
                    }
                    i++;
                }
                common(new ArrayParameters(c, ps).text(q).text(m), starts, ends, cols);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        changed.add(new ChangedRow("queue", rs.getString(1), rs.getString(2), null,
                                rs.getTimestamp(3).toInstant(), rs.getInt(4), rs.getBoolean(5)));
                    }
                }
            }
        }
        NavigableMap<AgentKey, AgentComponents> agent = deltas.agent();
        if (!agent.isEmpty()) {
            try (PreparedStatement ps = c.prepareStatement(UPSERT_AGENT)) {
                int n = agent.size();
                String[] u = new String[n];
                Timestamp[] starts = new Timestamp[n];
                Timestamp[] ends = new Timestamp[n];
                int width = AgentMetric.values().length;
                Long[][] cols = new Long[width][n];
                int i = 0;
                for (Map.Entry<AgentKey, AgentComponents> e : agent.entrySet()) {
                    u[i] = e.getKey().userId();
                    starts[i] = Timestamp.from(e.getKey().intervalStart());
                    ends[i] = Timestamp.from(e.getKey().intervalStart().plus(base.duration()));
                    long[] v = e.getValue().toArray();
                    for (int k = 0; k < width; k++) {
                        cols[k][i] = v[k];
                    }
                    i++;
                }
                common(new ArrayParameters(c, ps).text(u), starts, ends, cols);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        changed.add(new ChangedRow("agent", null, null, rs.getString(1),
                                rs.getTimestamp(2).toInstant(), rs.getInt(3), rs.getBoolean(4)));
                    }
                }
            }
        }
        NavigableMap<AgentQueueKey, IntervalComponents> agentQueue = deltas.agentQueue();
        if (!agentQueue.isEmpty()) {
            List<QueueMetric> columns = QueueMetric.agentComponents();
            try (PreparedStatement ps = c.prepareStatement(UPSERT_AGENT_QUEUE)) {
                int n = agentQueue.size();
                String[] u = new String[n];
                String[] q = new String[n];
                String[] m = new String[n];
                Timestamp[] starts = new Timestamp[n];
                Timestamp[] ends = new Timestamp[n];
                Long[][] cols = new Long[columns.size()][n];
                int i = 0;
                for (Map.Entry<AgentQueueKey, IntervalComponents> e : agentQueue.entrySet()) {
                    u[i] = e.getKey().userId();
                    q[i] = e.getKey().queueId();
                    m[i] = e.getKey().mediaType();
                    starts[i] = Timestamp.from(e.getKey().intervalStart());
                    ends[i] = Timestamp.from(e.getKey().intervalStart().plus(base.duration()));
                    for (int k = 0; k < columns.size(); k++) {
                        cols[k][i] = e.getValue().get(columns.get(k));
                    }
                    i++;
                }
                common(new ArrayParameters(c, ps).text(u).text(q).text(m), starts, ends, cols);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        changed.add(new ChangedRow("agent_queue", rs.getString(2), rs.getString(3), rs.getString(1),
                                rs.getTimestamp(4).toInstant(), rs.getInt(5), rs.getBoolean(6)));
                    }
                }
            }
        }
        return changed;
    }

    /** Inserts one change-log row per changed row; must be the transaction's last insert (see class comment). */
    public static void logChanges(Connection c, List<ChangedRow> rows) throws SQLException {
        if (rows.isEmpty()) {
            return;
        }
        int n = rows.size();
        String[] kind = new String[n];
        String[] q = new String[n];
        String[] m = new String[n];
        String[] u = new String[n];
        Timestamp[] start = new Timestamp[n];
        Integer[] rev = new Integer[n];
        Boolean[] fin = new Boolean[n];
        for (int i = 0; i < n; i++) {
            ChangedRow r = rows.get(i);
            kind[i] = r.kind();
            q[i] = r.queueId();
            m[i] = r.mediaType();
            u[i] = r.userId();
            start[i] = Timestamp.from(r.intervalStart());
            rev[i] = r.revision();
            fin[i] = r.isFinal();
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO kpi_change_log "
                + "(row_kind, queue_id, media_type, user_id, interval_start, revision, is_final) "
                + "SELECT * FROM unnest(?::text[], ?::text[], ?::text[], ?::text[], ?::timestamptz[], ?::int[], "
                + "?::boolean[])")) {
            new ArrayParameters(c, ps).text(kind).text(q).text(m).text(u).timestamps(start).int4(rev).bool(fin);
            ps.executeUpdate();
        }
    }

    private static void common(ArrayParameters parameters, Timestamp[] starts, Timestamp[] ends, Long[][] cols)
            throws SQLException {
        parameters.timestamps(starts).timestamps(ends);
        for (Long[] col : cols) {
            parameters.int8(col);
        }
    }

    private static String upsert(String table, String keyColumns, String valueColumns, String keyArrays) {
        String[] values = valueColumns.split(",\\s*");
        StringBuilder arrays = new StringBuilder(keyArrays).append(", ?::timestamptz[], ?::timestamptz[]");
        StringBuilder set = new StringBuilder();
        for (String v : values) {
            arrays.append(", ?::bigint[]");
            set.append(v).append(" = t.").append(v).append(" + excluded.").append(v).append(", ");
        }
        String returning = keyColumns + ", interval_start, revision, is_final";
        return "INSERT INTO " + table + " AS t (" + keyColumns + ", interval_start, interval_end, " + valueColumns
                + ", revision) SELECT *, 1 FROM unnest(" + arrays + ") "
                + "ON CONFLICT (" + keyColumns + ", interval_start) DO UPDATE SET " + set
                + "revision = t.revision + 1, updated_at = now() RETURNING " + returning;
    }
}
