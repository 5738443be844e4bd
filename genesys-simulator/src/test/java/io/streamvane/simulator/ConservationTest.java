package io.streamvane.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import io.streamvane.simulator.truth.QueueComponents;
import io.streamvane.simulator.truth.QueueMediaKey;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class ConservationTest {

    @Test
    void everyOfferedContactIsAnsweredAbandonedOrFlowsOutInTheGroundTruth() {
        Simulator run = Runs.cleanDay();
        assertThat(run.groundTruth().stillWaitingAtEnd()).isZero();
        for (QueueMediaKey key : run.groundTruth().queueMedia()) {
            QueueComponents day = run.groundTruth().queueTotal(key.queueId(), key.mediaType());
            assertThat(day.offered()).as("offered on %s", key).isPositive();
            assertThat(day.offered()).as("conservation on %s", key).isEqualTo(day.completed());
        }
    }

    @Test
    void everyOfferedContactIsAnsweredAbandonedOrFlowsOutInTheEmittedEvents() {
        Simulator run = Runs.cleanDay();
        EnvelopeReader reader = Runs.read(run.messages());
        Map<String, long[]> perQueue = new TreeMap<>();
        for (Unwrapped e : reader.events) {
            String queue = e.body().path("queueId").asString() + "/" + e.body().path("mediaType").asString();
            if (e.kind().equals("acd.start")) {
                perQueue.computeIfAbsent(queue, q -> new long[2])[0]++;
            } else if (e.kind().equals("acd.end")) {
                perQueue.computeIfAbsent(queue, q -> new long[2])[1]++;
            }
        }
        assertThat(perQueue).hasSize(run.groundTruth().queueMedia().size());
        perQueue.forEach((queue, counts) -> assertThat(counts[0]).as("starts vs ends on %s", queue).isEqualTo(counts[1]));
    }

    @Test
    void aDefaultDayExercisesEveryPathOfTheModel() {
        QueueComponents all = Runs.cleanDay().groundTruth().totalsPerQueue().values().stream()
                .reduce(QueueComponents.ZERO, QueueComponents::plus);
        assertThat(all.answered()).isGreaterThan(1000);
        assertThat(all.abandoned()).isPositive();
        assertThat(all.shortAbandoned()).isPositive().isLessThan(all.abandoned());
        assertThat(all.flowOuts()).isPositive();
        assertThat(all.answeredWithinSl()).isPositive().isLessThan(all.answered());
        assertThat(all.holdMs()).isPositive();
        assertThat(all.handled()).isEqualTo(all.answered());
        // Transfers make a second ACD session, so queues see more offers than there were conversations.
        assertThat(all.offered()).isGreaterThan(Runs.cleanDay().output().conversations());
        EnvelopeReader reader = Runs.read(Runs.cleanDay().messages());
        assertThat(reader.events).anySatisfy(e -> {
            assertThat(e.kind()).isEqualTo("user.end");
            assertThat(e.body().path("interactingDurationMs").asLong()).isZero();
            assertThat(e.body().path("alertingDurationMs").asLong()).isPositive();
            assertThat(e.body().path("disconnectType").asString()).isEqualTo("NO_ANSWER_TRANSFER");
        });
        assertThat(reader.events).anySatisfy(e -> assertThat(e.body().path("routingStatus").path("status").asString())
                .isEqualTo("NOT_RESPONDING"));
        assertThat(reader.events).anySatisfy(e -> assertThat(e.body().path("presenceDefinition").path("systemPresence")
                .asString()).isEqualTo("BREAK"));
    }
}
