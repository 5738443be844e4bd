package io.streamvane.egress.wallboard;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.streamvane.model.kpi.AlertLevel;
import io.streamvane.model.kpi.AlertMetric;
import io.streamvane.model.kpi.AlertThreshold;
import io.streamvane.model.kpi.AlertThresholds;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Everything a wallboard shows at one moment: one tile per queue × media type, and the newest event time behind the
 * numbers. Computed once per change burst and sent to every open screen.
 *
 * @param id              monotonic event id of this snapshot
 * @param asOf            when it was computed
 * @param day             where "today" starts in the deployment's default time zone; each tile's own today is the local
 *                        day of its queue's site (its {@code today} period and {@code timeZone})
 * @param newestEventTime the newest event time the engine has projected (freshness); null before any event
 * @param groups          the configured queue groups' names, in their order (empty: one screen of every queue)
 * @param agents          the agent board: every agent logged in (any presence but Offline), as
 *                        {@code /api/v1/agents/states} answers them
 * @param storeTime       the store's clock when the agents were read, which their state times are on: the page
 *                        counts the time in state from it, as it counts a tile's longest wait from its
 *                        {@code realtimeAsOf}
 * @param queueNames      every known queue's name by id, for the board's queue list and its cards
 */
record WallboardSnapshot(long id, Instant asOf, Instant day, Instant newestEventTime, List<Tile> tiles,
        List<String> groups, List<Agent> agents, Instant storeTime, Map<String, String> queueNames) {

    /**
     * A change to send: tiles and agents that differ from the previous snapshot, and the keys of those that went
     * away.
     */
    record Update(long id, Instant asOf, Instant day, Instant newestEventTime, List<Tile> tiles, List<String> removed,
            List<Agent> agents, List<String> removedAgents, Instant storeTime, Map<String, String> queueNames) {
    }

    /** The update from {@code previous} to this snapshot, or null when a screen would show nothing new. */
    Update since(WallboardSnapshot previous) {
        Map<String, Tile> before = new LinkedHashMap<>();
        previous.tiles.forEach(t -> before.put(t.key(), t));
        List<Tile> changed = new ArrayList<>();
        for (Tile t : tiles) {
            Tile old = before.remove(t.key());
            if (old == null || t.changedFrom(old)) {
                changed.add(t);
            }
        }
        List<String> removed = List.copyOf(before.keySet());
        Map<String, Agent> agentsBefore = new LinkedHashMap<>();
        previous.agents.forEach(a -> agentsBefore.put(a.userId(), a));
        List<Agent> changedAgents = new ArrayList<>();
        for (Agent a : agents) {
            if (!a.equals(agentsBefore.remove(a.userId()))) {
                changedAgents.add(a);
            }
        }
        List<String> removedAgents = List.copyOf(agentsBefore.keySet());
        if (changed.isEmpty() && removed.isEmpty() && changedAgents.isEmpty() && removedAgents.isEmpty()
                && Objects.equals(newestEventTime, previous.newestEventTime) && day.equals(previous.day)
                && queueNames.equals(previous.queueNames)) {
            return null;
        }
        return new Update(id, asOf, day, newestEventTime, changed, removed, changedAgents, removedAgents, storeTime,
                queueNames);
    }

    /**
     * One agent on the board: routing status and presence with the moment each began (the page counts the time in
     * them), the queues it is active on, and the queue and media type of the interaction it is on, if any.
     *
     * @param level CRITICAL while the agent is NOT_RESPONDING (an alert it let time out), which the page puts first
     */
    record Agent(String userId, String name, String routingStatus, Instant routingStatusTime, String presence,
            Instant presenceTime, List<String> activeQueueIds, String queueId, String mediaType, AlertLevel level) {
    }

    /**
     * One queue × media type. Real-time numbers are those of {@code /api/v1/queues/{id}/realtime}; interval numbers
     * are the rows of {@code /api/v1/queues/{id}/intervals} (the base granularity, PT15M unless the store keeps
     * another, for the current interval and the chart, P1D for today), in the queue's site time zone.
     *
     * @param slTarget           fraction the SL is compared with (the words "on target" / "below target")
     * @param longestWaitSeconds at {@code realtimeAsOf}; the page keeps counting from there
     * @param alerts             the level of each alerted value, which the page colours, marks and sorts by
     * @param timeZone           the queue's site time zone: {@code today} is its local day, and the page shows
     *                           the chart's times on its clock
     * @param groups             the names of the queue groups the tile is in
     */
    record Tile(String queueId, String queueName, String mediaType, long waiting, long longestWaitSeconds,
            long interacting, long agentsOnQueue, long agentsAvailable, Instant realtimeAsOf, double slTarget,
            double slThresholdSeconds, Period current, Period today, List<Point> intervals, Alerts alerts,
            String timeZone, List<String> groups) {

        @JsonProperty
        String key() {
            return queueId + "|" + mediaType;
        }

        /** The tile's worst level: its colour, and its place (critical tiles first, then warning, then by name). */
        @JsonProperty
        AlertLevel level() {
            return alerts.worst();
        }

        /**
         * Whether a screen would show something different. The longest wait is compared as the moment the longest
         * waiting contact started (within a second), so a wait that merely grows is not a change: the page counts it.
         */
        boolean changedFrom(Tile old) {
            long sinceNow = realtimeAsOf.getEpochSecond() - longestWaitSeconds;
            long sinceOld = old.realtimeAsOf.getEpochSecond() - old.longestWaitSeconds;
            return waiting != old.waiting || Math.abs(sinceNow - sinceOld) > 1
                    || !comparable().equals(old.comparable());
        }

        @JsonIgnore
        private List<Object> comparable() {
            // Alerts too: a longest wait that crosses a level while only growing is a change, sent at the next read.
            return java.util.Arrays.asList(queueName, interacting, agentsOnQueue, agentsAvailable, slTarget,
                    slThresholdSeconds, current, today, intervals, alerts, timeZone, groups);
        }
    }

    /** The KPIs of one interval row, as the API derives them. */
    record Period(Instant start, Instant end, long offered, long answered, long abandoned, Double serviceLevel,
            Double asaSeconds, Double ahtSeconds, Double abandonRate, @JsonProperty("final") boolean isFinal,
            long revision) {
    }

    /** One bar of the chart: a base interval (PT15M by default) of today up to now. */
    record Point(Instant start, long offered, long answered, Double serviceLevel,
            @JsonProperty("final") boolean isFinal) {
    }

    /**
     * The values a tile is alerted on, each judged by {@link AlertThresholds} for the tile's queue and media type: SL
     * now (the current interval), longest wait and waiting (real time), abandon rate and ASA (today, as shown).
     */
    record Alerts(Alert serviceLevel, Alert longestWait, Alert waiting, Alert abandonRate, Alert asa) {

        static Alerts of(AlertThresholds t, Period current, Period today, long waiting, long longestWaitSeconds) {
            return new Alerts(
                    Alert.of(t.get(AlertMetric.SERVICE_LEVEL), current == null ? null : current.serviceLevel()),
                    Alert.of(t.get(AlertMetric.LONGEST_WAIT), waiting > 0 ? (double) longestWaitSeconds : 0.0),
                    Alert.of(t.get(AlertMetric.WAITING), (double) waiting),
                    Alert.of(t.get(AlertMetric.ABANDON_RATE), today == null ? null : today.abandonRate()),
                    Alert.of(t.get(AlertMetric.ASA), today == null ? null : today.asaSeconds()));
        }

        AlertLevel worst() {
            return serviceLevel.level().worst(longestWait.level()).worst(waiting.level())
                    .worst(abandonRate.level()).worst(asa.level());
        }
    }

    /**
     * One value's level and the bounds it was judged by (fractions, seconds or a count, as the metric is measured),
     * so the page can say what was crossed.
     */
    record Alert(AlertLevel level, double warning, double critical) {

        static Alert of(AlertThreshold t, Double value) {
            return new Alert(t.level(value), t.warning(), t.critical());
        }
    }
}
