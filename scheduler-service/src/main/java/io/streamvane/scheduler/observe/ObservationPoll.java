package io.streamvane.scheduler.observe;

import io.streamvane.scheduler.genesys.Analytics;
import io.streamvane.scheduler.genesys.GenesysClient;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.ObjectMapper;

/**
 * Polls {@code /analytics/queues/observations/query} for the known queues (the {@code queue} dimension, at most
 * {@code queuesPerRequest} per request), stores every metric in {@code queue_observation} (media type '' for the
 * queue-level group, as the engine does for pushed observations) and corrects the event-derived waiting state.
 *
 * <p>Correction rule (one direction only, and only where Genesys's answer is complete): with
 * {@code detailMetrics: ["oWaiting"]} Genesys lists the conversations waiting now. An {@code acd_session} the events
 * still show as waiting on that queue and media, that started more than {@code staleAfter} ago and whose
 * conversation is not in that list, lost its {@code acd.end} (a gap, a dropped event): it is flagged
 * {@code expired}, which removes it from the real-time waiting count and longest wait exactly as the engine's own
 * 4-hour expiry would, only sooner. A late {@code acd.end} still completes it. Skipped when the list is
 * {@code truncated}. The reverse (Genesys counts a contact the events never saw start) cannot be repaired from an
 * observation; the API's {@code oWaiting} stands beside the event count in {@code queue_observation} for readers.
 */
public class ObservationPoll {

    static final List<String> METRICS = List.of("oWaiting", "oInteracting", "oAlerting", "oLongestWaiting",
            "oOnQueueUsers", "oActiveUsers", "oMemberUsers", "oOffQueueUsers");

    /** What one poll did. */
    public record Result(int queues, long apiRequests, int observationsStored, int sessionsExpired) {
    }

    private static final String UPSERT = "INSERT INTO queue_observation AS o (queue_id, media_type, metric, qualifier, "
            + "observation_interval, stats, observed_at) VALUES (?, ?, ?, ?, NULL, ?::jsonb, ?) "
            + "ON CONFLICT (queue_id, media_type, metric, qualifier) DO UPDATE SET observation_interval = NULL, "
            + "stats = excluded.stats, observed_at = excluded.observed_at, updated_at = now() "
            + "WHERE excluded.observed_at >= o.observed_at";

    private final GenesysClient client;
    private final JdbcTemplate jdbc;
    private final TransactionTemplate tx;
    private final ObjectMapper json;
    private final Clock clock;
    private final Duration staleAfter;
    private final int queuesPerRequest;

    public ObservationPoll(GenesysClient client, JdbcTemplate jdbc, TransactionTemplate tx, ObjectMapper json, Clock clock,
                           Duration staleAfter, int queuesPerRequest) {
        this.client = client;
        this.jdbc = jdbc;
        this.tx = tx;
        this.json = json;
        this.clock = clock;
        this.staleAfter = staleAfter;
        this.queuesPerRequest = Math.max(1, queuesPerRequest);
    }

    public Result run() {
        List<String> queues = jdbc.queryForList("SELECT queue_id FROM queue ORDER BY queue_id", String.class);
        long requests = 0;
        int stored = 0;
        int expired = 0;
        for (int i = 0; i < queues.size(); i += queuesPerRequest) {
            List<String> batch = queues.subList(i, Math.min(queues.size(), i + queuesPerRequest));
            Analytics.ObservationQuery q = new Analytics.ObservationQuery(Analytics.Filter.anyOf("queueId", batch),
                    METRICS, List.of("oWaiting"));
            Analytics.ObservationResponse response = client.post(Analytics.QUEUE_OBSERVATIONS, q,
                    Analytics.ObservationResponse.class);
            requests++;
            Instant observedAt = clock.instant();
            int[] counts = tx.execute(s -> store(response, observedAt));
            stored += counts[0];
            expired += counts[1];
        }
        return new Result(queues.size(), requests, stored, expired);
    }

    private int[] store(Analytics.ObservationResponse response, Instant observedAt) {
        int stored = 0;
        int expired = 0;
        Timestamp at = Timestamp.from(observedAt);
        for (Analytics.ObservationResult r : response == null ? List.<Analytics.ObservationResult>of() : response.resultsOrEmpty()) {
            Map<String, String> g = r.group();
            if (g == null || g.get("queueId") == null || r.data() == null) {
                continue;
            }
            String queue = g.get("queueId");
            String media = g.get("mediaType") == null ? "" : g.get("mediaType").toLowerCase(Locale.ROOT);
            for (Analytics.ObservationData d : r.data()) {
                stored += jdbc.update(UPSERT, queue, media, d.metric(), d.qualifier() == null ? "" : d.qualifier(),
                        json.writeValueAsString(d.stats()), at);
                if ("oWaiting".equals(d.metric()) && !media.isEmpty() && !Boolean.TRUE.equals(d.truncated())) {
                    expired += expireStale(queue, media, d, observedAt);
                }
            }
        }
        return new int[] {stored, expired};
    }

    private int expireStale(String queue, String media, Analytics.ObservationData waiting, Instant now) {
        long apiCount = waiting.stats() == null || waiting.stats().count() == null ? 0 : waiting.stats().count();
        List<Analytics.ObservationValue> listed = waiting.observations() == null ? List.of() : waiting.observations();
        if (listed.size() < apiCount) {
            return 0; // details missing: cannot tell which contact is stale
        }
        Set<String> waitingNow = new HashSet<>();
        listed.forEach(o -> waitingNow.add(o.conversationId()));
        List<String> stale = new ArrayList<>();
        jdbc.query("SELECT conversation_id FROM acd_session WHERE queue_id = ? AND media_type = ? AND ended_at IS NULL "
                        + "AND NOT expired AND started_at < ?", rs -> {
                    String id = rs.getString(1);
                    if (!waitingNow.contains(id)) {
                        stale.add(id);
                    }
                }, queue, media, Timestamp.from(now.minus(staleAfter)));
        int n = 0;
        for (String id : stale) {
            n += jdbc.update("UPDATE acd_session SET expired = true, updated_at = now() WHERE conversation_id = ? "
                    + "AND queue_id = ? AND media_type = ? AND ended_at IS NULL AND NOT expired", id, queue, media);
        }
        return n;
    }
}
