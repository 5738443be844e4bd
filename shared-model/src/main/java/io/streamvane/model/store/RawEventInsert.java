package io.streamvane.model.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.BitSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The one statement that stores accepted events, in the caller's transaction: new events go to {@code raw_event}
 * (semantic dedup by {@code ON CONFLICT (identity_digest, event_time) DO NOTHING}, which holds across bodies,
 * transports and replicas), and each newly inserted one gets an {@code engine_inbox} row. An event behind its
 * source's stored watermark is flagged {@code late}.
 *
 * <p>Raw and inbox rows are written by data-modifying CTEs over {@code unnest} arrays: one round trip whatever the
 * batch size. Callers pass events without duplicates among themselves (one statement cannot see its own
 * conflicting rows) and, where writers run concurrently, sorted by digest, so overlapping batches take row locks in
 * the same order and do not deadlock.
 */
public final class RawEventInsert {

    private static final String INSERT = """
            WITH input AS (
                SELECT * FROM unnest(?::text[], ?::text[], ?::text[], ?::text[], ?::timestamptz[], ?::boolean[],
                                     ?::text[], ?::text[], ?::text[], ?::smallint[])
                    WITH ORDINALITY AS t(digest_hex, identity_key, topic_kind, topic_name, event_time, time_known,
                                         envelope, body, payload, shard, ord)
            ), current_watermark AS (
                SELECT watermark FROM watermark WHERE source = ?
            ), inserted AS (
                INSERT INTO raw_event (identity_digest, identity_key, topic_kind, topic_name, event_time, source,
                                       envelope, body, late)
                SELECT decode(i.digest_hex, 'hex'), i.identity_key, i.topic_kind, i.topic_name, i.event_time, ?,
                       i.envelope::jsonb, i.body::jsonb,
                       i.time_known AND coalesce(i.event_time < (SELECT watermark FROM current_watermark), false)
                  FROM input i
                 ORDER BY i.ord
                ON CONFLICT (identity_digest, event_time) DO NOTHING
                RETURNING id, identity_digest, event_time, late
            ), matched AS (
                SELECT i.ord, i.topic_kind, i.payload, i.shard, r.id, r.event_time, r.late
                  FROM inserted r
                  JOIN input i ON i.digest_hex = encode(r.identity_digest, 'hex') AND i.event_time = r.event_time
            ), inbox AS (
                INSERT INTO engine_inbox (raw_event_id, event_time, topic_kind, payload, shard)
                SELECT m.id, m.event_time, m.topic_kind, m.payload, m.shard FROM matched m ORDER BY m.ord
            )
            SELECT ord, late FROM matched
            """;

    private RawEventInsert() {
    }

    /**
     * Inserts the events for {@code source} on {@code connection}; committing is the caller's.
     *
     * @param events distinct by (digest, event time)
     */
    public static StoreOutcome run(Connection connection, List<RawEvent> events, String source) throws SQLException {
        requireDistinct(events);
        int n = events.size();
        String[] digests = new String[n];
        String[] keys = new String[n];
        String[] kinds = new String[n];
        String[] topics = new String[n];
        String[] times = new String[n];
        Boolean[] timeKnown = new Boolean[n];
        String[] envelopes = new String[n];
        String[] bodies = new String[n];
        String[] payloads = new String[n];
        Short[] shards = new Short[n];
        for (int i = 0; i < n; i++) {
            RawEvent event = events.get(i);
            digests[i] = event.digestHex();
            keys[i] = event.identityKey();
            kinds[i] = event.topicKind();
            topics[i] = event.topicName();
            times[i] = event.eventTime().toString();
            timeKnown[i] = event.eventTimeKnown();
            envelopes[i] = event.envelopeJson();
            bodies[i] = event.bodyJson();
            payloads[i] = event.inboxPayloadJson();
            shards[i] = (short) event.inboxShard();
        }
        BitSet inserted = new BitSet(n);
        BitSet late = new BitSet(n);
        try (PreparedStatement statement = connection.prepareStatement(INSERT)) {
            int p = 1;
            for (Object[] column : new Object[][] {digests, keys, kinds, topics, times}) {
                statement.setArray(p++, connection.createArrayOf("text", column));
            }
            statement.setArray(p++, connection.createArrayOf("bool", timeKnown));
            for (Object[] column : new Object[][] {envelopes, bodies, payloads}) {
                statement.setArray(p++, connection.createArrayOf("text", column));
            }
            statement.setArray(p++, connection.createArrayOf("int2", shards));
            statement.setString(p++, source);
            statement.setString(p, source);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    int position = rows.getInt(1) - 1;
                    inserted.set(position);
                    if (rows.getBoolean(2)) {
                        late.set(position);
                    }
                }
            }
        }
        return new StoreOutcome(n, inserted, late);
    }

    private static void requireDistinct(List<RawEvent> events) {
        Set<String> seen = new HashSet<>();
        for (RawEvent event : events) {
            if (!seen.add(event.digestHex() + '@' + event.eventTime())) {
                throw new IllegalArgumentException("duplicate event in one insert: " + event.identityKey());
            }
        }
    }
}
