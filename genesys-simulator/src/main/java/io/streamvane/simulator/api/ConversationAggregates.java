package io.streamvane.simulator.api;

import io.streamvane.simulator.model.Outcome;
import io.streamvane.simulator.model.QueueMediaSettings;
import io.streamvane.simulator.model.SimulationConfig;
import io.streamvane.simulator.model.SimulationOutput;
import io.streamvane.simulator.truth.AgentComponents;
import io.streamvane.simulator.truth.GroundTruth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Predicate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code POST /api/v2/analytics/conversations/aggregates/query} over the run's outcomes, attributed as the ground
 * truth is (interfaces.md §4.1): nOffered at queue entry; tAnswered, nOverSla, tAbandon, tShortAbandon, tFlowOut and
 * tAcd at queue exit; tHandle, tTalk (hold excluded), tHeld and tAcw (with userId) when wrap-up completes. Counts and
 * sums equal {@link GroundTruth}'s components for any range and granularity; buckets and groups without data are
 * omitted.
 */
final class ConversationAggregates {

    /** Genesys's conversation-aggregate metric names (JAVA-SDK v259); the simulator has data for some of them. */
    static final Set<String> KNOWN_METRICS = Set.of("nBlindTransferred", "nBotInteractions", "nCallbackAttempts",
            "nCallbackOverSla", "nCallbackScheduled", "nCfcOffered", "nCobrowseSessions", "nConnected", "nConsult",
            "nConsultTransferred", "nConversations", "nError", "nOffered", "nOutbound", "nOutboundAbandoned",
            "nOutboundAttempted", "nOutboundConnected", "nOverSla", "nStateTransitionError", "nTakeover",
            "nTransferred", "oAudioMessageCount", "oCallbackServiceLevel", "oExternalAudioMessageCount",
            "oExternalMediaCount", "oMediaCount", "oMessageCount", "oMessageSegmentCount", "oMessageTurn",
            "oServiceLevel", "oServiceTarget", "oSkillExpressionApplications", "tAbandon", "tAcd", "tActiveCallback",
            "tActiveCallbackComplete", "tAcw", "tAgentResponseTime", "tAgentVideoConnected", "tAlert", "tAnswered",
            "tAverageAgentResponseTime", "tAverageCustomerResponseTime", "tBarging", "tCallbackAbandon",
            "tCallbackConnect", "tCallbackNotReached", "tCallbackVirtualWait", "tCfcAbandon", "tCfcAcd",
            "tCfcAnswered", "tCfcFlowOut", "tCoaching", "tCoachingComplete", "tConnected", "tContacting", "tDialing",
            "tFirstConnect", "tFirstDial", "tFirstEngagement", "tFirstResponse", "tFlowOut", "tHandle", "tHeld",
            "tHeldComplete", "tIvr", "tMonitoring", "tMonitoringComplete", "tNotResponding", "tPark", "tParkComplete",
            "tScreenMonitoring", "tShortAbandon", "tSnippetRecord", "tTalk", "tTalkComplete", "tTransmitting",
            "tUserResponseTime", "tVoicemail", "tWait");

    private static final String SERVICE_LEVEL = "oServiceLevel";
    private static final List<String> SERVICE_LEVEL_INPUTS = List.of("tAnswered", "nOverSla", "tAbandon", "tShortAbandon");

    private final SimulationConfig config;
    private final List<Fact> facts;
    private final JsonMapper mapper;

    ConversationAggregates(SimulationConfig config, SimulationOutput output, JsonMapper mapper) {
        this.config = config;
        this.mapper = mapper;
        this.facts = facts(config, output);
    }

    static List<Fact> facts(SimulationConfig config, SimulationOutput output) {
        long shortMs = GroundTruth.DEFAULT_SHORT_ABANDON.toMillis();
        List<Fact> facts = new ArrayList<>();
        for (Outcome o : output.outcomes()) {
            String q = o.queueId();
            String m = o.media().lower();
            long at = o.atMs();
            if (o instanceof Outcome.Offered) {
                facts.add(new Fact(at, "nOffered", q, m, null, 0));
            } else if (o instanceof Outcome.Answered a) {
                long slMs = config.queue(q).media().get(a.media()).serviceLevelThreshold().toMillis();
                facts.add(new Fact(at, "tAnswered", q, m, null, a.waitMs()));
                facts.add(new Fact(at, "tAcd", q, m, null, a.waitMs()));
                if (a.waitMs() > slMs) {
                    facts.add(new Fact(at, "nOverSla", q, m, null, 0));
                }
            } else if (o instanceof Outcome.Abandoned a) {
                facts.add(new Fact(at, "tAbandon", q, m, null, a.waitMs()));
                facts.add(new Fact(at, "tAcd", q, m, null, a.waitMs()));
                if (a.waitMs() < shortMs) {
                    facts.add(new Fact(at, "tShortAbandon", q, m, null, a.waitMs()));
                }
            } else if (o instanceof Outcome.FlowedOut f) {
                facts.add(new Fact(at, "tFlowOut", q, m, null, f.waitMs()));
                facts.add(new Fact(at, "tAcd", q, m, null, f.waitMs()));
            } else if (o instanceof Outcome.Alerted a) {
                facts.add(new Fact(at, "tAlert", q, m, a.userId(), a.alertMs()));
            } else if (o instanceof Outcome.MissedAlert a) {
                facts.add(new Fact(at, "tNotResponding", q, m, a.userId(), a.alertMs()));
            } else if (o instanceof Outcome.Transferred t) {
                facts.add(new Fact(at, "nTransferred", q, m, t.userId(), 0));
                facts.add(new Fact(at, t.consult() ? "nConsultTransferred" : "nBlindTransferred", q, m, t.userId(), 0));
            } else if (o instanceof Outcome.SegmentHandled s) {
                AgentComponents segment = AgentComponents.segment(s.talkMs(), s.holdMs(), s.acwMs());
                if (segment.handled() > 0) {
                    facts.add(new Fact(at, "tHandle", q, m, s.userId(), segment.handleMs()));
                }
                if (s.talkMs() > 0) {
                    facts.add(new Fact(at, "tTalk", q, m, s.userId(), s.talkMs()));
                }
                if (s.holdMs() > 0) {
                    facts.add(new Fact(at, "tHeld", q, m, s.userId(), s.holdMs()));
                }
                if (s.acwMs() > 0) {
                    facts.add(new Fact(at, "tAcw", q, m, s.userId(), s.acwMs()));
                }
            }
        }
        facts.sort(Comparator.comparingLong(Fact::atMs));
        return List.copyOf(facts);
    }

    ObjectNode query(JsonNode body, long nowMs) {
        Buckets buckets = Buckets.of(body.path("interval").asString(null), body.path("granularity").asString(null),
                body.path("timeZone").asString(null));
        List<String> metrics = new ArrayList<>();
        for (JsonNode metric : body.path("metrics")) {
            String name = metric.asString();
            if (!KNOWN_METRICS.contains(name)) {
                throw ApiError.badRequest("Invalid metric: " + name);
            }
            metrics.add(name);
        }
        if (metrics.isEmpty()) {
            throw ApiError.badRequest("metrics is required");
        }
        List<String> groupBy = new ArrayList<>();
        body.path("groupBy").forEach(g -> groupBy.add(g.asString()));
        Predicate<Dimensioned> filter = QueryFilter.parse(body.get("filter"));

        Set<String> computed = new LinkedHashSet<>(metrics);
        if (computed.contains(SERVICE_LEVEL)) {
            computed.addAll(SERVICE_LEVEL_INPUTS);
        }
        // group (dimension -> value, in groupBy order) -> bucket -> metric -> stats
        Map<Map<String, String>, TreeMap<Integer, Map<String, Stats>>> groups = new TreeMap<>(GROUP_ORDER);
        long to = Math.min(buckets.end(), nowMs);
        for (int i = firstAtOrAfter(buckets.start()); i < facts.size() && facts.get(i).atMs() < to; i++) {
            Fact fact = facts.get(i);
            if (!computed.contains(fact.metric()) || !filter.test(fact)) {
                continue;
            }
            Map<String, String> group = new LinkedHashMap<>();
            for (String dimension : groupBy) {
                String value = fact.dimension(dimension);
                if (value != null) {
                    group.put(dimension, value);
                }
            }
            groups.computeIfAbsent(group, g -> new TreeMap<>())
                    .computeIfAbsent(buckets.indexOf(fact.atMs()), b -> new LinkedHashMap<>())
                    .computeIfAbsent(fact.metric(), m -> new Stats())
                    .add(fact.valueMs());
        }

        ObjectNode response = mapper.createObjectNode();
        ArrayNode results = response.putArray("results");
        groups.forEach((group, perBucket) -> {
            ArrayNode data = mapper.createArrayNode();
            perBucket.forEach((bucket, stats) -> {
                ArrayNode metricNodes = mapper.createArrayNode();
                for (String metric : metrics) {
                    ObjectNode node = SERVICE_LEVEL.equals(metric) ? serviceLevel(group, stats) : stats(metric, stats);
                    if (node != null) {
                        metricNodes.add(node);
                    }
                }
                if (!metricNodes.isEmpty()) {
                    ObjectNode interval = data.addObject();
                    interval.put("interval", buckets.label(bucket));
                    interval.set("metrics", metricNodes);
                }
            });
            if (!data.isEmpty()) {
                ObjectNode result = results.addObject();
                ObjectNode groupNode = result.putObject("group");
                group.forEach(groupNode::put);
                result.set("data", data);
            }
        });
        return response;
    }

    private ObjectNode stats(String metric, Map<String, Stats> stats) {
        Stats s = stats.get(metric);
        if (s == null) {
            return null;
        }
        ObjectNode node = mapper.createObjectNode();
        node.put("metric", metric);
        ObjectNode st = node.putObject("stats");
        if (metric.startsWith("t")) {
            st.put("max", s.max);
            st.put("min", s.min);
            st.put("count", s.count);
            st.put("sum", s.sum);
        } else {
            st.put("count", s.count);
        }
        return node;
    }

    /** numerator = answered − over SL; denominator = answered + abandoned − short abandons (SPEC §2 defaults). */
    private ObjectNode serviceLevel(Map<String, String> group, Map<String, Stats> stats) {
        long answered = count(stats, "tAnswered");
        long numerator = answered - count(stats, "nOverSla");
        long denominator = answered + count(stats, "tAbandon") - count(stats, "tShortAbandon");
        if (denominator <= 0) {
            return null;
        }
        ObjectNode node = mapper.createObjectNode();
        node.put("metric", SERVICE_LEVEL);
        ObjectNode st = node.putObject("stats");
        st.put("ratio", (double) numerator / denominator);
        st.put("numerator", numerator);
        st.put("denominator", denominator);
        QueueMediaSettings settings = settings(group.get("queueId"), group.get("mediaType"));
        if (settings != null) {
            st.put("target", settings.serviceLevelTarget());
        }
        return node;
    }

    private QueueMediaSettings settings(String queueId, String mediaType) {
        if (queueId == null || mediaType == null) {
            return null;
        }
        return config.queues().stream().filter(q -> q.id().equals(queueId)).findFirst()
                .flatMap(q -> q.media().entrySet().stream()
                        .filter(e -> e.getKey().lower().equals(mediaType)).map(Map.Entry::getValue).findFirst())
                .orElse(null);
    }

    private static long count(Map<String, Stats> stats, String metric) {
        Stats s = stats.get(metric);
        return s == null ? 0 : s.count;
    }

    private int firstAtOrAfter(long ms) {
        int lo = 0;
        int hi = facts.size();
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (facts.get(mid).atMs() < ms) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    static final Comparator<Map<String, String>> GROUP_ORDER = (a, b) -> a.toString().compareTo(b.toString());

    static final class Stats {
        long count;
        long sum;
        long min = Long.MAX_VALUE;
        long max = Long.MIN_VALUE;

        void add(long value) {
            count++;
            sum += value;
            min = Math.min(min, value);
            max = Math.max(max, value);
        }
    }
}
