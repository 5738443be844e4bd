package io.streamvane.simulator;

import io.streamvane.simulator.events.EnvelopeWriter;
import io.streamvane.simulator.events.GenesysEvent;
import io.streamvane.simulator.events.MessageComposer;
import io.streamvane.simulator.events.PayloadWriter;
import io.streamvane.simulator.events.PoisonWriter;
import io.streamvane.simulator.events.ScheduledMessage;
import io.streamvane.simulator.faults.FaultInjector;
import io.streamvane.simulator.faults.FaultPlan;
import io.streamvane.simulator.faults.FaultReport;
import io.streamvane.simulator.model.ContactCenterSimulation;
import io.streamvane.simulator.model.DeterministicIds;
import io.streamvane.simulator.model.SimEvent;
import io.streamvane.simulator.model.SimulationConfig;
import io.streamvane.simulator.model.SimulationOutput;
import io.streamvane.simulator.sink.EventSink;
import io.streamvane.simulator.sink.PacedPublisher;
import io.streamvane.simulator.sink.Pacing;
import io.streamvane.simulator.sink.PublishStats;
import io.streamvane.simulator.truth.GroundTruth;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import tools.jackson.databind.json.JsonMapper;

/**
 * One simulated run, computed up front: the model's output, the ground truth, the canonical Genesys events and
 * the messages to send (envelopes, faults and batches applied). Same configs, same seed: identical run.
 */
public final class Simulator {

    private final SimulationConfig config;
    private final SimulationOutput output;
    private final GroundTruth truth;
    private final List<GenesysEvent> events;
    private final FaultReport faultReport;
    private final List<ScheduledMessage> messages;

    private Simulator(SimulationConfig config, SimulationOutput output, GroundTruth truth, List<GenesysEvent> events,
                      FaultReport faultReport, List<ScheduledMessage> messages) {
        this.config = config;
        this.output = output;
        this.truth = truth;
        this.events = events;
        this.faultReport = faultReport;
        this.messages = messages;
    }

    public static Simulator run(SimulationConfig config) {
        return run(config, EmissionConfig.defaults());
    }

    public static Simulator run(SimulationConfig config, EmissionConfig emission) {
        SimulationOutput output = ContactCenterSimulation.run(config);
        GroundTruth truth = GroundTruth.from(config, output);

        // Emission draws from streams of its own, so changing the envelope mix or faults never changes the model.
        SplittableRandom emissionRoot = new SplittableRandom(config.seed() ^ 0x5DEECE66DL);
        JsonMapper mapper = JsonMapper.builder().build();
        PayloadWriter payloads = new PayloadWriter(mapper, new DeterministicIds(emissionRoot.nextLong()));
        List<GenesysEvent> events = new ArrayList<>(output.events().size() * 3 / 2);
        for (SimEvent event : output.events()) {
            events.addAll(payloads.write(event));
        }

        DeterministicIds envelopeIds = new DeterministicIds(emissionRoot.nextLong());
        EnvelopeWriter envelopes = new EnvelopeWriter(mapper, emission.envelopes(), envelopeIds, emissionRoot.split());
        FaultPlan plan = new FaultInjector(emission.faults(), emission.mix(), emissionRoot.split()).plan(events);
        MessageComposer composer = new MessageComposer(mapper, envelopes,
                new PoisonWriter(mapper, envelopeIds, envelopes), emission.mix(), emissionRoot.split());
        List<ScheduledMessage> messages = composer.compose(plan.deliveries());
        return new Simulator(config, output, truth, List.copyOf(events), plan.report(), List.copyOf(messages));
    }

    public SimulationConfig config() {
        return config;
    }

    /** The model's own record: domain events and outcomes. */
    public SimulationOutput output() {
        return output;
    }

    public GroundTruth groundTruth() {
        return truth;
    }

    /** Every Genesys event once, in event-time order, before faults (the outage's events included). */
    public List<GenesysEvent> events() {
        return events;
    }

    public FaultReport faultReport() {
        return faultReport;
    }

    /** The messages in send order. */
    public List<ScheduledMessage> messages() {
        return messages;
    }

    public PublishStats publish(EventSink sink, Pacing pacing) {
        return new PacedPublisher().publish(messages, sink, pacing);
    }
}
