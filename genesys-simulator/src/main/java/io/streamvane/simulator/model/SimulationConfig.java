package io.streamvane.simulator.model;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Everything the contact-center model needs; given the same config the simulation is identical, to the byte.
 *
 * @param seed                 drives every random choice
 * @param start                simulation start (UTC); arrivals happen in [start, start + duration)
 * @param duration             arrival window; the model keeps running afterwards until every contact has left
 * @param arrivalRateScale     multiplies every queue's peak arrival rate (load knob)
 * @param alertBeforeAnswer    how long an agent's phone rings before they answer
 * @param alertTimeout         after this, an unanswered alert ends and the contact is re-routed
 * @param noAnswerProbability  chance that an alerted agent does not answer
 * @param notRespondingFor     how long an agent stays NOT_RESPONDING after a missed alert
 * @param transferProbability  chance that an answered contact is transferred to another queue
 */
public record SimulationConfig(long seed, Instant start, Duration duration, List<QueueSpec> queues,
                               List<AgentSpec> agents, ArrivalProfile profile, double arrivalRateScale,
                               Map<MediaType, MediaBehaviour> behaviour, LogNormal alertBeforeAnswer,
                               Duration alertTimeout, double noAnswerProbability, Duration notRespondingFor,
                               double transferProbability, List<String> wrapupCodes) {

    /** A Monday, so that a default day is an ordinary weekday; fixed so that output is reproducible. */
    public static final Instant DEFAULT_START = Instant.parse("2026-03-02T00:00:00Z");

    public SimulationConfig {
        queues = List.copyOf(queues);
        agents = List.copyOf(agents);
        behaviour = java.util.Collections.unmodifiableMap(new java.util.EnumMap<>(behaviour));
        wrapupCodes = List.copyOf(wrapupCodes);
        if (arrivalRateScale < 0) {
            throw new IllegalArgumentException("arrivalRateScale must not be negative");
        }
        if (wrapupCodes.isEmpty()) {
            throw new IllegalArgumentException("need at least one wrap-up code");
        }
        for (QueueSpec queue : queues) {
            for (MediaType media : queue.mediaTypes()) {
                if (!behaviour.containsKey(media)) {
                    throw new IllegalArgumentException("no behaviour for " + media + " on queue " + queue.name());
                }
            }
        }
    }

    /** Four queues with voice and chat, forty agents on staggered shifts, one day. */
    public static SimulationConfig defaults() {
        return new SimulationConfig(42L, DEFAULT_START, Duration.ofDays(1),
                DefaultContactCenter.queues(4), DefaultContactCenter.agents(40, 4), ArrivalProfile.typicalDay(), 1.0,
                Map.of(MediaType.VOICE, MediaBehaviour.voiceDefaults(), MediaType.CHAT, MediaBehaviour.chatDefaults()),
                LogNormal.of(Duration.ofSeconds(4), 0.4), Duration.ofSeconds(15), 0.04, Duration.ofSeconds(30),
                0.06, DefaultContactCenter.wrapupCodes());
    }

    public SimulationConfig withSeed(long newSeed) {
        return new SimulationConfig(newSeed, start, duration, queues, agents, profile, arrivalRateScale, behaviour,
                alertBeforeAnswer, alertTimeout, noAnswerProbability, notRespondingFor, transferProbability, wrapupCodes);
    }

    public SimulationConfig withWindow(Instant newStart, Duration newDuration) {
        return new SimulationConfig(seed, newStart, newDuration, queues, agents, profile, arrivalRateScale, behaviour,
                alertBeforeAnswer, alertTimeout, noAnswerProbability, notRespondingFor, transferProbability, wrapupCodes);
    }

    public SimulationConfig withArrivalRateScale(double scale) {
        return new SimulationConfig(seed, start, duration, queues, agents, profile, scale, behaviour,
                alertBeforeAnswer, alertTimeout, noAnswerProbability, notRespondingFor, transferProbability, wrapupCodes);
    }

    public SimulationConfig withProfile(ArrivalProfile newProfile) {
        return new SimulationConfig(seed, start, duration, queues, agents, newProfile, arrivalRateScale, behaviour,
                alertBeforeAnswer, alertTimeout, noAnswerProbability, notRespondingFor, transferProbability, wrapupCodes);
    }

    public SimulationConfig withStaff(List<QueueSpec> newQueues, List<AgentSpec> newAgents) {
        return new SimulationConfig(seed, start, duration, newQueues, newAgents, profile, arrivalRateScale, behaviour,
                alertBeforeAnswer, alertTimeout, noAnswerProbability, notRespondingFor, transferProbability, wrapupCodes);
    }

    public Instant end() {
        return start.plus(duration);
    }

    public QueueSpec queue(String queueId) {
        return queues.stream().filter(q -> q.id().equals(queueId)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown queue " + queueId));
    }

    /** Every queue × media type's service-level goal, in queue order. */
    public List<ServiceLevelGoal> serviceLevelGoals() {
        List<ServiceLevelGoal> goals = new java.util.ArrayList<>();
        for (QueueSpec q : queues) {
            q.media().forEach((media, settings) -> goals.add(new ServiceLevelGoal(q.id(), media.lower(),
                    settings.serviceLevelThreshold(), settings.serviceLevelTarget())));
        }
        return goals;
    }
}
