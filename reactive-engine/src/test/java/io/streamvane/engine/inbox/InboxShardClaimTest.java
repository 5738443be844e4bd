package io.streamvane.engine.inbox;

import static io.streamvane.engine.harness.Events.acdStart;
import static io.streamvane.engine.harness.Events.routingStatus;
import static org.assertj.core.api.Assertions.assertThat;

import io.streamvane.engine.harness.EngineHarness;
import io.streamvane.model.store.InboxShard;
import io.streamvane.model.store.StoreLocks;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The inbox shards on real PostgreSQL: every event of a conversation (or of an agent's own topics) lands in one
 * shard, a claim never takes rows of a shard another transaction holds, and one claim takes at most
 * {@link InboxShard#PER_CLAIM} shards.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class InboxShardClaimTest {

    private static final Instant T0 = Instant.parse("2025-03-03T10:00:00Z");
    private EngineHarness engine;

    @BeforeAll
    void startEngine() {
        engine = new EngineHarness();
    }

    @BeforeEach
    void feedManyConversations() throws SQLException {
        engine.truncateAll();
        List<String> events = new ArrayList<>();
        for (int i = 0; i < 64; i++) {
            events.add(acdStart("conv-" + i, "s1-" + i, "q1", "voice", T0.plusSeconds(i)));
            events.add(acdStart("conv-" + i, "s2-" + i, "q2", "voice", T0.plusSeconds(i + 100)));
        }
        for (int i = 0; i < 8; i++) {
            events.add(routingStatus("user-" + i, "IDLE", T0.plusSeconds(i)));
            events.add(routingStatus("user-" + i, "INTERACTING", T0.plusSeconds(i + 30)));
        }
        engine.feed(events);
    }

    @Test
    void everyEventOfOneConversationOrOneAgentIsInOneShard() throws SQLException {
        assertThat(engine.rows("SELECT coalesce(payload::jsonb->'eventBody'->>'conversationId', "
                + "payload::jsonb->'eventBody'->>'id') AS key FROM engine_inbox GROUP BY 1 "
                + "HAVING count(DISTINCT shard) > 1")).isEmpty();
        assertThat(shardsWithRows()).hasSizeGreaterThan(InboxShard.PER_CLAIM);
    }

    @Test
    void aClaimTakesOnlyShardsNoOtherTransactionHoldsAndAtMostAFewOfThem() throws SQLException {
        Map<Integer, Long> before = shardsWithRows();
        List<Integer> shards = new ArrayList<>(before.keySet());
        List<Integer> free = shards.subList(0, 2);
        try (Connection other = engine.dataSource().getConnection()) {
            other.setAutoCommit(false);
            for (int shard : shards.subList(2, shards.size())) {
                try (PreparedStatement ps = other.prepareStatement(
                        "SELECT pg_advisory_xact_lock(" + StoreLocks.INBOX_SHARD + ", ?)")) {
                    ps.setInt(1, shard);
                    ps.execute();
                }
            }

            int claimed = engine.consumer().processBatch(500);

            assertThat(claimed).isEqualTo(before.get(free.get(0)) + before.get(free.get(1)));
            assertThat(shardsWithRows().keySet()).doesNotContainAnyElementsOf(free)
                    .containsExactlyElementsOf(shards.subList(2, shards.size()));
            other.rollback();
        }

        Map<Integer, Long> held = shardsWithRows();
        engine.consumer().processBatch(500);
        Map<Integer, Long> after = shardsWithRows();
        long touched = held.keySet().stream().filter(s -> !held.get(s).equals(after.get(s))).count();
        assertThat(touched).isBetween(1L, (long) InboxShard.PER_CLAIM);
    }

    @Test
    void theInboxHoldsOnlyShardsTheClaimWalks() throws SQLException {
        String insert = "INSERT INTO engine_inbox (raw_event_id, event_time, topic_kind, payload, shard) "
                + "VALUES (1, now(), 'ACD_START', '{}', ?)";
        try (Connection c = engine.dataSource().getConnection(); PreparedStatement ps = c.prepareStatement(insert)) {
            ps.setInt(1, InboxShard.COUNT - 1);
            assertThat(ps.executeUpdate()).isEqualTo(1);
            ps.setInt(1, InboxShard.COUNT);
            org.assertj.core.api.Assertions.assertThatThrownBy(ps::executeUpdate)
                    .hasMessageContaining("engine_inbox_shard_ck");
        }
    }

    private Map<Integer, Long> shardsWithRows() throws SQLException {
        Map<Integer, Long> counts = new TreeMap<>();
        try (Connection c = engine.dataSource().getConnection(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT shard, count(*) FROM engine_inbox GROUP BY shard")) {
            while (rs.next()) {
                counts.put(rs.getInt(1), rs.getLong(2));
            }
        }
        return counts;
    }
}
