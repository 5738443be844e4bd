package io.streamvane.egress.wallboard;

import io.streamvane.model.kpi.Granularity;
import io.streamvane.model.kpi.Interval;
import java.sql.Timestamp;
import java.time.Instant;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Writes the store the way the engine commits a projection: interval upsert, real-time rows and the watermark, then
 * the change-log row last, all in one transaction (whose commit fires the NOTIFY the wallboard listens to).
 */
final class EngineLikeWrites {

    private final JdbcClient jdbc;
    private final TransactionTemplate tx;

    EngineLikeWrites(JdbcClient jdbc, TransactionTemplate tx) {
        this.jdbc = jdbc;
        this.tx = tx;
    }

    /** Adds these components to the interval of {@code start}, bumping its revision, as one committed change. */
    void intervalChange(String queueId, String media, Instant start, long offered, long answered, long withinSl,
            long abandoned, long answerWaitMs, long handled, long handleMs, Instant eventTime) {
        tx.executeWithoutResult(s -> {
            jdbc.sql("""
                            INSERT INTO queue_interval (queue_id, media_type, interval_start, interval_end, offered,
                                answered, answered_within_sl, abandoned, short_abandoned, flow_outs, answer_wait_ms,
                                abandon_wait_ms, handled, handle_ms, talk_ms, hold_ms, acw_ms, revision, is_final)
                            VALUES (:q, :m, :s, :e, :offered, :answered, :awsl, :abandoned, 0, 0, :wait, :abandonWait,
                                    :handled, :handleMs, :handleMs, 0, 0, 1, false)
                            ON CONFLICT (queue_id, media_type, interval_start) DO UPDATE SET
                                offered = queue_interval.offered + excluded.offered,
                                answered = queue_interval.answered + excluded.answered,
                                answered_within_sl = queue_interval.answered_within_sl + excluded.answered_within_sl,
                                abandoned = queue_interval.abandoned + excluded.abandoned,
                                answer_wait_ms = queue_interval.answer_wait_ms + excluded.answer_wait_ms,
                                abandon_wait_ms = queue_interval.abandon_wait_ms + excluded.abandon_wait_ms,
                                handled = queue_interval.handled + excluded.handled,
                                handle_ms = queue_interval.handle_ms + excluded.handle_ms,
                                talk_ms = queue_interval.talk_ms + excluded.talk_ms,
                                revision = queue_interval.revision + 1""")
                    .param("q", queueId).param("m", media).param("s", Timestamp.from(start))
                    .param("e", Timestamp.from(start.plusSeconds(900))).param("offered", offered)
                    .param("answered", answered).param("awsl", withinSl).param("abandoned", abandoned)
                    .param("wait", answerWaitMs).param("abandonWait", abandoned * 30_000).param("handled", handled)
                    .param("handleMs", handleMs)
                    .update();
            watermark(eventTime);
            jdbc.sql("""
                            INSERT INTO kpi_change_log (row_kind, queue_id, media_type, interval_start, revision, is_final)
                            SELECT 'queue', queue_id, media_type, interval_start, revision, is_final FROM queue_interval
                            WHERE queue_id = :q AND media_type = :m AND interval_start = :s""")
                    .param("q", queueId).param("m", media).param("s", Timestamp.from(start))
                    .update();
        });
    }

    /** A contact starts waiting (acd.start projected into acd_session); no interval row changes here. */
    void contactWaiting(String conversationId, String queueId, String media, Instant startedAt) {
        tx.executeWithoutResult(s -> {
            jdbc.sql("""
                            INSERT INTO acd_session (conversation_id, session_key, queue_id, media_type, started_at)
                            VALUES (:c, 's1', :q, :m, :t)""")
                    .param("c", conversationId).param("q", queueId).param("m", media)
                    .param("t", Timestamp.from(startedAt)).update();
            watermark(startedAt);
        });
    }

    /** {@code count} contacts start waiting in one commit, the longest since {@code earliest}, the others after it. */
    void contactsWaiting(String queueId, String media, int count, Instant earliest) {
        tx.executeWithoutResult(s -> {
            jdbc.sql("""
                            INSERT INTO acd_session (conversation_id, session_key, queue_id, media_type, started_at)
                            SELECT :q || '-' || :m || '-' || i, 's1', :q, :m,
                                   CAST(:t AS timestamptz) + i * interval '1 ms'
                            FROM generate_series(0, :n - 1) AS i""")
                    .param("q", queueId).param("m", media).param("t", Timestamp.from(earliest)).param("n", count)
                    .update();
            watermark(earliest);
        });
    }

    /** {@code count} agents on {@code queueId} with this presence and routing status, in one commit. */
    void agents(String queueId, int count, String presence, String routingStatus) {
        tx.executeWithoutResult(s -> jdbc.sql("""
                        INSERT INTO agent_state (user_id, presence, routing_status, active_queue_ids)
                        SELECT :q || '-agent-' || i, :p, :r, ARRAY[:q] FROM generate_series(1, :n) AS i""")
                .param("q", queueId).param("p", presence).param("r", routingStatus).param("n", count).update());
    }

    /** An agent's presence, routing status and active queues (user activity projected into agent_state). */
    void agent(String userId, String presence, String routingStatus, String queueId) {
        tx.executeWithoutResult(s -> jdbc.sql("""
                        INSERT INTO agent_state (user_id, presence, routing_status, active_queue_ids)
                        VALUES (:u, :p, :r, ARRAY[:q])
                        ON CONFLICT (user_id) DO UPDATE SET presence = excluded.presence,
                            routing_status = excluded.routing_status, active_queue_ids = excluded.active_queue_ids""")
                .param("u", userId).param("p", presence).param("r", routingStatus).param("q", queueId).update());
    }

    /** An agent's state with the moment its routing status and its presence began, as the engine projects them. */
    void agentSince(String userId, String presence, String routingStatus, String queueId, Instant since) {
        tx.executeWithoutResult(s -> jdbc.sql("""
                        INSERT INTO agent_state (user_id, presence, presence_time, routing_status, routing_status_time,
                                                 active_queue_ids)
                        VALUES (:u, :p, :t, :r, :t, ARRAY[:q])
                        ON CONFLICT (user_id) DO UPDATE SET presence = excluded.presence,
                            presence_time = excluded.presence_time, routing_status = excluded.routing_status,
                            routing_status_time = excluded.routing_status_time,
                            active_queue_ids = excluded.active_queue_ids""")
                .param("u", userId).param("p", presence).param("r", routingStatus).param("q", queueId)
                .param("t", java.sql.Timestamp.from(since)).update());
    }

    /** An agent on an interaction: its segment has interacting time and no completion yet. */
    void onInteraction(String userId, String conversationId, String queueId, String mediaType) {
        tx.executeWithoutResult(s -> jdbc.sql("""
                        INSERT INTO agent_segment (conversation_id, participant_id, queue_id, user_id, media_type,
                                                   interacting)
                        VALUES (:c, :c || '-agent', :q, :u, :m, true)""")
                .param("c", conversationId).param("q", queueId).param("u", userId).param("m", mediaType).update());
    }

    private void watermark(Instant eventTime) {
        jdbc.sql("""
                        INSERT INTO watermark (source, max_event_time, watermark) VALUES ('genesys', :t, :t)
                        ON CONFLICT (source) DO UPDATE SET
                            max_event_time = GREATEST(watermark.max_event_time, excluded.max_event_time),
                            updated_at = now()""")
                .param("t", Timestamp.from(eventTime)).update();
    }

    /**
     * {@code count} queues named {@code prefix0..}, each with a voice row in the current interval of {@code now}: the
     * tiles of a busy floor.
     */
    void queuesWithCurrentInterval(String prefix, int count, Instant now) {
        Instant current = Interval.of(now, Granularity.PT15M).start();
        for (int q = 0; q < count; q++) {
            String id = prefix + q;
            jdbc.sql("INSERT INTO queue (queue_id, name) VALUES (?, ?)").params(id, "Queue " + id).update();
            intervalChange(id, "voice", current, 10, 8, 6, 2, 80_000, 8, 2_400_000, now);
        }
    }

    /** One commit changing every tile of the queues named {@code prefix...}, as a busy engine would. */
    void everyQueueOffersOneMore(String prefix) {
        tx.executeWithoutResult(s -> {
            jdbc.sql("UPDATE queue_interval SET offered = offered + 1, revision = revision + 1 WHERE queue_id LIKE ?")
                    .params(prefix + "%").update();
            jdbc.sql("""
                    INSERT INTO kpi_change_log (row_kind, queue_id, media_type, interval_start, revision, is_final)
                    SELECT 'queue', queue_id, media_type, interval_start, revision, is_final FROM queue_interval
                    WHERE queue_id = ?""").params(prefix + "0").update();
        });
    }
}
