package io.streamvane.ingress.servicebus;

import static org.assertj.core.api.Assertions.assertThat;

import io.streamvane.ingress.pipeline.IngestionResult.Ingested;
import io.streamvane.ingress.pipeline.IngestionResult.ItemRejection;
import io.streamvane.ingress.pipeline.IngestionResult.Unreadable;
import java.util.List;
import org.junit.jupiter.api.Test;

class DispositionPolicyTest {

    @Test
    void acceptedEventsCompleteTheMessage() {
        assertThat(DispositionPolicy.of(new Ingested(3, 0, List.of(), 0, 0))).isEqualTo(new Disposition.Complete());
    }

    @Test
    void aMessageOfOnlyDuplicatesIsCompletedBecauseItsEventsAreAlreadyStored() {
        assertThat(DispositionPolicy.of(new Ingested(0, 2, List.of(), 0, 0))).isEqualTo(new Disposition.Complete());
    }

    @Test
    void aPartlyRejectedBatchIsCompletedSoTheGoodEventsAreNotReplayedFromTheDeadLetterQueue() {
        var result = new Ingested(1, 0, List.of(new ItemRejection(1, "missing-field", "no eventTime")), 0, 0);
        assertThat(DispositionPolicy.of(result)).isEqualTo(new Disposition.Complete());
    }

    @Test
    void controlFramesOnlyAreCompletedBecauseThereIsNothingWrongToPark() {
        assertThat(DispositionPolicy.of(new Ingested(0, 0, List.of(), 1, 0))).isEqualTo(new Disposition.Complete());
    }

    @Test
    void anUnreadableBodyIsDeadLetteredWithItsReasonAndDetail() {
        assertThat(DispositionPolicy.of(new Unreadable("malformed-json", "Unexpected character at 12")))
                .isEqualTo(new Disposition.DeadLetter("malformed-json", "Unexpected character at 12"));
    }

    @Test
    void aSingleRejectedEventIsDeadLetteredWithItsCodeAndDetail() {
        var result = new Ingested(0, 0, List.of(new ItemRejection(0, "unknown-envelope", "no topicName")), 0, 0);
        assertThat(DispositionPolicy.of(result)).isEqualTo(new Disposition.DeadLetter("unknown-envelope", "no topicName"));
    }

    @Test
    void aBatchWithEveryItemRejectedNamesEachDistinctReasonAndEveryItem() {
        var result = new Ingested(0, 0, List.of(new ItemRejection(0, "missing-field", "no eventTime"),
                new ItemRejection(1, "unknown-envelope", "no topicName"),
                new ItemRejection(2, "missing-field", "no queueId")), 0, 0);
        var disposition = (Disposition.DeadLetter) DispositionPolicy.of(result);
        assertThat(disposition.reason()).isEqualTo("missing-field,unknown-envelope");
        assertThat(disposition.description()).isEqualTo("3 items rejected: [0] missing-field: no eventTime; "
                + "[1] unknown-envelope: no topicName; [2] missing-field: no queueId");
    }

    @Test
    void longDetailsAreTruncatedToTheServiceBusLimit() {
        var disposition = (Disposition.DeadLetter) DispositionPolicy.of(new Unreadable("too-large", "x".repeat(10_000)));
        assertThat(disposition.description()).hasSize(DispositionPolicy.MAX_DESCRIPTION_LENGTH).endsWith("…");
    }

    @Test
    void aNullDetailBecomesAnEmptyDescription() {
        assertThat(((Disposition.DeadLetter) DispositionPolicy.of(new Unreadable("empty-body", null))).description())
                .isEmpty();
    }
}
