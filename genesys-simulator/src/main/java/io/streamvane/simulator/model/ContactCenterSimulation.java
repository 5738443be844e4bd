package io.streamvane.simulator.model;

import io.streamvane.simulator.model.Outcome.Abandoned;
import io.streamvane.simulator.model.Outcome.Alerted;
import io.streamvane.simulator.model.Outcome.Answered;
import io.streamvane.simulator.model.Outcome.FlowedOut;
import io.streamvane.simulator.model.Outcome.MissedAlert;
import io.streamvane.simulator.model.Outcome.Offered;
import io.streamvane.simulator.model.Outcome.SegmentHandled;
import io.streamvane.simulator.model.Outcome.Transferred;
import io.streamvane.simulator.model.SimEvent.AcdEnded;
import io.streamvane.simulator.model.SimEvent.AcdStarted;
import io.streamvane.simulator.model.SimEvent.AfterCallWork;
import io.streamvane.simulator.model.SimEvent.AgentStatusChanged;
import io.streamvane.simulator.model.SimEvent.UserEnded;
import io.streamvane.simulator.model.SimEvent.UserStarted;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeSet;

/**
 * The discrete-event contact center. Arrivals are a Poisson process with an hourly rate; a contact waits in its
 * queue until an idle agent is alerted, it abandons (patience) or the in-queue flow moves it on (flow-out). Agents
 * may miss an alert (the contact is re-routed), answer, talk with holds, transfer to another queue (a new ACD
 * session there) and wrap up. Every wait is bounded, so the model drains after arrivals stop.
 */
public final class ContactCenterSimulation {

    private record QueueMedia(String queueId, MediaType media) {
    }

    /** Of the transfers, the share an agent makes after consulting the target (CONSULT_TRANSFER), else blind. */
    private static final double CONSULT_TRANSFER_SHARE = 0.3;

    private static final Comparator<Contact> FIRST_COME_FIRST_SERVED =
            Comparator.comparingLong((Contact c) -> c.enteredQueueAtMs).thenComparingLong(c -> c.sequence);

    private final SimulationConfig config;
    /** Arrivals draw from their own stream, so behaviour changes do not shift the arrival pattern. */
    private final SplittableRandom arrivals;
    private final SplittableRandom behaviour;
    /** Blind or consult is drawn apart too, so telling the two apart left every other draw of a day as it was. */
    private final SplittableRandom transferKinds;
    private final DeterministicIds ids;
    private final EventQueue clock;
    private final long endMs;
    private final List<AgentState> agents = new ArrayList<>();
    private final Map<QueueMedia, TreeSet<Contact>> waiting = new HashMap<>();
    private final List<SimEvent> events = new ArrayList<>();
    /** Per agent, the index in {@code events} of its last state change, so that changes of one instant merge. */
    private final Map<String, Integer> lastStatusEvent = new HashMap<>();
    private final List<Outcome> outcomes = new ArrayList<>();
    private long contactSequence;

    private ContactCenterSimulation(SimulationConfig config) {
        this.config = config;
        SplittableRandom root = new SplittableRandom(config.seed());
        this.arrivals = root.split();
        this.behaviour = root.split();
        this.ids = new DeterministicIds(root.nextLong());
        this.transferKinds = root.split();
        this.clock = new EventQueue(config.start().toEpochMilli());
        this.endMs = config.end().toEpochMilli();
    }

    public static SimulationOutput run(SimulationConfig config) {
        return new ContactCenterSimulation(config).execute();
    }

    private SimulationOutput execute() {
        long startMs = config.start().toEpochMilli();
        for (QueueSpec queue : config.queues()) {
            for (MediaType media : queue.mediaTypes()) {
                waiting.put(new QueueMedia(queue.id(), media), new TreeSet<>(FIRST_COME_FIRST_SERVED));
                scheduleNextArrival(queue, media, startMs);
            }
        }
        for (AgentSpec spec : config.agents()) {
            AgentState agent = new AgentState(spec, startMs);
            agents.add(agent);
            // The state each agent is in when the run starts, published once like any change, so a consumer knows
            // it from the first instant (a deployment learns it from the users API).
            lastStatusEvent.put(spec.id(), events.size());
            events.add(new AgentStatusChanged(startMs, spec.id(), agent.routing, startMs, agent.presence, startMs,
                    spec.queueIds(), true, true));
            Shift shift = spec.shift();
            clock.at(startMs + shift.start().toMillis(), () -> logOn(agent));
            clock.at(startMs + shift.start().plus(shift.breakAfter()).toMillis(), () -> breakDue(agent));
            clock.at(startMs + shift.end().toMillis(), () -> shiftOver(agent));
        }
        clock.runAll();
        int stillWaiting = waiting.values().stream().mapToInt(TreeSet::size).sum();
        return new SimulationOutput(events, outcomes, (int) contactSequence, stillWaiting);
    }

    // --- arrivals -------------------------------------------------------------------------------------------

    /** Thinning (Lewis-Shedler): candidates at the peak rate, each kept with probability rate(t) / peak. */
    private void scheduleNextArrival(QueueSpec queue, MediaType media, long fromMs) {
        double peakPerMs = queue.media().get(media).arrivalsPerHourAtPeak() * config.arrivalRateScale() / 3_600_000.0;
        double boundPerMs = peakPerMs * config.profile().maxMultiplier();
        if (boundPerMs <= 0) {
            return;
        }
        double t = fromMs;
        while (true) {
            t += arrivals.nextExponential() / boundPerMs;
            if (t >= endMs) {
                return;
            }
            if (arrivals.nextDouble() * boundPerMs <= peakPerMs * config.profile().multiplierAt((long) t)) {
                break;
            }
        }
        long atMs = (long) t;
        clock.at(atMs, () -> {
            arrive(queue, media);
            scheduleNextArrival(queue, media, atMs);
        });
    }

    private void arrive(QueueSpec queue, MediaType media) {
        Contact contact = new Contact(contactSequence++, ids.next(), media);
        enterQueue(contact, queue);
    }

    // --- queue visits ---------------------------------------------------------------------------------------

    private void enterQueue(Contact contact, QueueSpec queue) {
        long now = clock.now();
        contact.acdLeg = new Leg(contact.conversationId, ids.next(), ids.next(), queue.id(), queue.divisionId(),
                contact.media);
        contact.enteredQueueAtMs = now;
        contact.state = Contact.State.WAITING;
        events.add(new AcdStarted(now, contact.acdLeg));
        outcomes.add(new Offered(now, queue.id(), contact.media));

        int visit = contact.visitToken;
        clock.at(now + patienceMs(contact.media), () -> leaveQueue(contact, visit, AcdOutcome.ABANDON));
        clock.at(now + queue.media().get(contact.media).maxQueueTime().toMillis(),
                () -> leaveQueue(contact, visit, AcdOutcome.FLOW_OUT));
        waitingFor(contact).add(contact);
        routeContact(contact);
    }

    private long patienceMs(MediaType media) {
        MediaBehaviour b = config.behaviour().get(media);
        if (behaviour.nextDouble() < b.impatientShare()) {
            return 1_000 + behaviour.nextLong(Math.max(1, b.shortAbandonBelow().toMillis() - 1_000));
        }
        return b.patience().sampleMs(behaviour);
    }

    /** Abandon or flow-out, unless the visit already ended; an agent being alerted loses the alert. */
    private void leaveQueue(Contact contact, int visit, AcdOutcome outcome) {
        if (contact.visitToken != visit || contact.state == Contact.State.CONNECTED
                || contact.state == Contact.State.DONE) {
            return;
        }
        long now = clock.now();
        if (contact.state == Contact.State.ALERTING) {
            AgentState agent = contact.alertedAgent;
            contact.alertToken++;
            events.add(new UserEnded(now, agent.userLeg, agent.id(),
                    outcome == AcdOutcome.ABANDON ? "PEER" : "TRANSFER", 0, 0, now - agent.alertStartMs));
            alerted(now, agent, now - agent.alertStartMs);
            agent.contact = null;
            becomeFree(agent);
        } else {
            waitingFor(contact).remove(contact);
        }
        long waitMs = now - contact.enteredQueueAtMs;
        String queueId = contact.queueId();
        if (outcome == AcdOutcome.ABANDON) {
            endVisit(contact, outcome, "PEER", null);
            outcomes.add(new Abandoned(now, queueId, contact.media, waitMs));
        } else {
            endVisit(contact, outcome, "TRANSFER", null);
            outcomes.add(new FlowedOut(now, queueId, contact.media, waitMs));
        }
        contact.state = Contact.State.DONE;
    }

    private void endVisit(Contact contact, AcdOutcome outcome, String disconnectType, String answeredUserId) {
        long now = clock.now();
        events.add(new AcdEnded(now, contact.acdLeg, outcome, now - contact.enteredQueueAtMs, disconnectType,
                answeredUserId));
        contact.visitToken++;
    }

    private TreeSet<Contact> waitingFor(Contact contact) {
        return waiting.get(new QueueMedia(contact.queueId(), contact.media));
    }

    // --- routing --------------------------------------------------------------------------------------------

    /** Longest-idle eligible agent. */
    private void routeContact(Contact contact) {
        AgentState best = null;
        for (AgentState agent : agents) {
            if (agent.available() && agent.serves(contact.queueId(), contact.media)
                    && (best == null || agent.idleSinceMs < best.idleSinceMs)) {
                best = agent;
            }
        }
        if (best != null) {
            alert(contact, best);
        }
    }

    /** Longest-waiting contact among the agent's queues and media. */
    private void routeAgent(AgentState agent) {
        if (!agent.available()) {
            return;
        }
        Contact best = null;
        for (String queueId : agent.spec.queueIds()) {
            for (MediaType media : agent.spec.media()) {
                TreeSet<Contact> queue = waiting.get(new QueueMedia(queueId, media));
                if (queue != null && !queue.isEmpty()
                        && (best == null || FIRST_COME_FIRST_SERVED.compare(queue.first(), best) < 0)) {
                    best = queue.first();
                }
            }
        }
        if (best != null) {
            alert(best, agent);
        }
    }

    private void alert(Contact contact, AgentState agent) {
        long now = clock.now();
        waitingFor(contact).remove(contact);
        contact.state = Contact.State.ALERTING;
        contact.alertedAgent = agent;
        agent.contact = contact;
        agent.userLeg = new Leg(contact.conversationId, ids.next(), ids.next(), contact.queueId(),
                contact.acdLeg.divisionId(), contact.media);
        agent.alertStartMs = now;
        events.add(new UserStarted(now, agent.userLeg, agent.id()));
        // Genesys moves an alerted agent to INTERACTING, so no second ACD contact is offered meanwhile.
        setStatus(agent, RoutingStatus.INTERACTING, agent.presence);

        int alertToken = contact.alertToken;
        long timeoutMs = config.alertTimeout().toMillis();
        if (behaviour.nextDouble() < config.noAnswerProbability()) {
            clock.at(now + timeoutMs, () -> missAlert(agent, contact, alertToken));
        } else {
            long ringMs = Math.min(config.alertBeforeAnswer().sampleMs(behaviour), timeoutMs - 1);
            clock.at(now + ringMs, () -> answer(agent, contact, alertToken));
        }
    }

    /** The agent let it ring: user.start/user.end with alerting only, the contact goes back to the queue. */
    private void missAlert(AgentState agent, Contact contact, int alertToken) {
        if (contact.alertToken != alertToken) {
            return;
        }
        long now = clock.now();
        contact.alertToken++;
        events.add(new UserEnded(now, agent.userLeg, agent.id(), "NO_ANSWER_TRANSFER", 0, 0,
                now - agent.alertStartMs));
        alerted(now, agent, now - agent.alertStartMs);
        outcomes.add(new MissedAlert(now, agent.userLeg.queueId(), agent.userLeg.media(), agent.id(),
                now - agent.alertStartMs));
        agent.contact = null;
        setStatus(agent, RoutingStatus.NOT_RESPONDING, agent.presence);
        clock.at(now + config.notRespondingFor().toMillis(), () -> becomeFree(agent));
        contact.state = Contact.State.WAITING;
        contact.alertedAgent = null;
        waitingFor(contact).add(contact);
        routeContact(contact);
    }

    // --- handling -------------------------------------------------------------------------------------------

    private void answer(AgentState agent, Contact contact, int alertToken) {
        if (contact.alertToken != alertToken) {
            return;
        }
        long now = clock.now();
        contact.alertToken++;
        contact.state = Contact.State.CONNECTED;
        agent.alertingMs = now - agent.alertStartMs;
        long waitMs = now - contact.enteredQueueAtMs;
        String queueId = contact.queueId();
        // The ACD hands the call over: its session ends with disconnectType TRANSFER and the answering user.
        endVisit(contact, AcdOutcome.ANSWERED, "TRANSFER", agent.id());
        outcomes.add(new Answered(now, queueId, contact.media, waitMs));

        MediaBehaviour b = config.behaviour().get(contact.media);
        long talkMs = b.talk().sampleMs(behaviour);
        long holdMs = behaviour.nextDouble() < b.holdProbability() ? b.hold().sampleMs(behaviour) : 0;
        // Genesys reports interacting and held as disjoint phases: interactingDurationMs excludes hold.
        agent.interactingMs = talkMs;
        agent.heldMs = holdMs;
        clock.at(now + talkMs + holdMs, () -> endInteraction(agent, contact));
    }

    private void endInteraction(AgentState agent, Contact contact) {
        long now = clock.now();
        List<QueueSpec> targets = transferTargets(contact);
        boolean transfer = !targets.isEmpty() && behaviour.nextDouble() < config.transferProbability();
        boolean consult = transfer && transferKinds.nextDouble() < CONSULT_TRANSFER_SHARE;
        String disconnectType = transfer ? (consult ? "CONSULT_TRANSFER" : "TRANSFER")
                : (behaviour.nextBoolean() ? "PEER" : "CLIENT");
        Leg leg = agent.userLeg;
        long talkMs = agent.interactingMs;
        long heldMs = agent.heldMs;
        events.add(new UserEnded(now, leg, agent.id(), disconnectType, talkMs, heldMs, agent.alertingMs));
        alerted(now, agent, agent.alertingMs);
        if (transfer) {
            outcomes.add(new Transferred(now, leg.queueId(), leg.media(), agent.id(), consult));
        }
        agent.contact = null;
        if (transfer) {
            enterQueue(contact, targets.get(behaviour.nextInt(targets.size())));
        } else {
            contact.state = Contact.State.DONE;
        }
        // Routing status stays INTERACTING through after-call work, as in Genesys; IDLE comes after wrap-up.
        long acwMs = config.behaviour().get(leg.media()).acw().sampleMs(behaviour);
        String code = config.wrapupCodes().get(behaviour.nextInt(config.wrapupCodes().size()));
        clock.at(now + acwMs, () -> {
            events.add(new AfterCallWork(clock.now(), leg, agent.id(), code, acwMs));
            outcomes.add(new SegmentHandled(clock.now(), leg.queueId(), leg.media(), agent.id(), talkMs, heldMs,
                    acwMs));
            becomeFree(agent);
        });
    }

    /** The truth of a user.end's alert; an alert of no duration is no alert. */
    private void alerted(long now, AgentState agent, long alertMs) {
        if (alertMs > 0) {
            outcomes.add(new Alerted(now, agent.userLeg.queueId(), agent.userLeg.media(), agent.id(), alertMs));
        }
    }

    private List<QueueSpec> transferTargets(Contact contact) {
        List<QueueSpec> targets = new ArrayList<>();
        for (QueueSpec queue : config.queues()) {
            if (!queue.id().equals(contact.queueId()) && queue.serves(contact.media)) {
                targets.add(queue);
            }
        }
        return targets;
    }

    // --- agent lifecycle ------------------------------------------------------------------------------------

    private void logOn(AgentState agent) {
        setStatus(agent, RoutingStatus.IDLE, SystemPresence.ON_QUEUE);
        routeAgent(agent);
    }

    private void breakDue(AgentState agent) {
        if (agent.available()) {
            startBreak(agent);
        } else if (agent.presence == SystemPresence.ON_QUEUE) {
            agent.breakDue = true;
        }
    }

    private void startBreak(AgentState agent) {
        agent.breakDue = false;
        setStatus(agent, RoutingStatus.OFF_QUEUE, SystemPresence.BREAK);
        clock.at(clock.now() + agent.spec.shift().breakLength().toMillis(), () -> endBreak(agent));
    }

    private void endBreak(AgentState agent) {
        if (agent.logOffDue) {
            logOff(agent);
        } else {
            setStatus(agent, RoutingStatus.IDLE, SystemPresence.ON_QUEUE);
            routeAgent(agent);
        }
    }

    /** Agents finish the contact in hand before leaving; on a break they leave when it ends. */
    private void shiftOver(AgentState agent) {
        if (agent.available()) {
            logOff(agent);
        } else if (agent.presence != SystemPresence.OFFLINE) {
            agent.logOffDue = true;
        }
    }

    private void logOff(AgentState agent) {
        agent.logOffDue = false;
        agent.breakDue = false;
        setStatus(agent, RoutingStatus.OFF_QUEUE, SystemPresence.OFFLINE);
    }

    /** After wrap-up or a NOT_RESPONDING penalty: leave if due, else back to IDLE and take the next contact. */
    private void becomeFree(AgentState agent) {
        if (agent.logOffDue) {
            logOff(agent);
        } else if (agent.breakDue) {
            startBreak(agent);
        } else {
            setStatus(agent, RoutingStatus.IDLE, SystemPresence.ON_QUEUE);
            routeAgent(agent);
        }
    }

    private void setStatus(AgentState agent, RoutingStatus routing, SystemPresence presence) {
        boolean routingChanged = agent.routing != routing;
        boolean presenceChanged = agent.presence != presence;
        if (!routingChanged && !presenceChanged) {
            return;
        }
        long now = clock.now();
        if (routingChanged) {
            agent.routing = routing;
            agent.routingSinceMs = now;
            if (routing == RoutingStatus.IDLE) {
                agent.idleSinceMs = now;
            }
        }
        if (presenceChanged) {
            agent.presence = presence;
            agent.presenceSinceMs = now;
        }
        // A state that lasted no time is not observable: changes of one instant are one change, the last state.
        Integer last = lastStatusEvent.get(agent.id());
        if (last != null && events.get(last) instanceof AgentStatusChanged same && same.atMs() == now) {
            events.set(last, new AgentStatusChanged(now, agent.id(), routing, agent.routingSinceMs, presence,
                    agent.presenceSinceMs, agent.spec.queueIds(), routingChanged || same.routingChanged(),
                    presenceChanged || same.presenceChanged()));
            return;
        }
        lastStatusEvent.put(agent.id(), events.size());
        events.add(new AgentStatusChanged(now, agent.id(), routing, agent.routingSinceMs, presence,
                agent.presenceSinceMs, agent.spec.queueIds(), routingChanged, presenceChanged));
    }
}
