package io.streamvane.engine.projection;

import io.streamvane.model.kpi.Granularity;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * Counts every agent's current routing status and presence up to a horizon (the finality sweep passes the
 * watermark's bucket start), so time in status reaches every interval of an agent's span before the interval becomes
 * final, not only the intervals where the agent's events landed. Moving a whole bucket at a time keeps it to one
 * row write per agent and bucket.
 */
public final class StatusClock {

    private final Granularity base;
    private final IntervalWriter writer;

    public StatusClock(Granularity base) {
        this.base = base;
        this.writer = new IntervalWriter(base);
    }

    /** The horizon for a watermark: the start of its bucket, so only whole buckets behind it are counted. */
    public Instant horizonFor(Instant watermark) {
        return base.bucketStart(watermark);
    }

    /**
     * Advances at most {@code maxAgents} agents that are behind {@code horizon}, in one transaction; returns how many
     * it took (fewer than {@code maxAgents}: none is left behind).
     */
    public int advance(Connection c, Instant horizon, int maxAgents) throws SQLException {
        TreeSet<String> users = new TreeSet<>();
        for (StatusTimeline timeline : StatusTimeline.ALL) {
            users.addAll(timeline.behind(c, horizon, maxAgents));
        }
        List<String> batch = new ArrayList<>(users).subList(0, Math.min(users.size(), maxAgents));
        if (batch.isEmpty()) {
            return 0;
        }
        lockAgents(c, batch);
        IntervalDeltas deltas = new IntervalDeltas();
        for (StatusTimeline timeline : StatusTimeline.ALL) {
            timeline.advance(c, batch, horizon, base, deltas);
        }
        IntervalWriter.logChanges(c, writer.apply(c, deltas));
        return batch.size();
    }

    /** The per-agent lock every history writer takes first (see {@link StatusTimeline}), in user order. */
    private static void lockAgents(Connection c, List<String> users) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT user_id FROM agent_state WHERE user_id = ANY (?) "
                + "ORDER BY user_id COLLATE \"C\" FOR UPDATE")) {
            ps.setArray(1, c.createArrayOf("text", users.toArray()));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    // locked
                }
            }
        }
    }
}
