package io.streamvane.egress.api;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.streamvane.egress.intervals.AgentQueueInterval;
import io.streamvane.model.kpi.DerivedKpis;
import io.streamvane.model.kpi.IntervalComponents;
import io.streamvane.model.kpi.QueueMetric;
import io.streamvane.model.kpi.ServiceLevelSettings;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.OffsetDateTime;

/**
 * One agent's work on one queue and media type in a bucket: the queue catalogue's components that an agent's own
 * events complete ({@link QueueMetric#agentComponents()}), and AHT.
 */
@Schema(example = """
        {"userId":"u-ann","queueId":"q-support","mediaType":"voice","intervalStart":"2025-01-01T10:00:00Z",
         "intervalEnd":"2025-01-01T10:15:00Z","handled":3,"handleMs":900000,"talkMs":700000,"holdMs":50000,
         "acwMs":150000,"held":1,"wrappedUp":3,"alerts":4,"alertMs":24000,"notResponding":1,"notRespondingMs":8000,
         "transferred":1,"blindTransferred":1,"consultTransferred":0,"dialingMs":0,"contactingMs":0,
         "ahtSeconds":300.0,"final":true,"revision":2,"timeZone":"UTC"}""")
public record AgentQueueIntervalRow(
        String userId,
        String queueId,
        String mediaType,
        @Schema(description = "bucket start with the offset of the row's time zone") OffsetDateTime intervalStart,
        @Schema(description = "bucket end with the offset of the row's time zone") OffsetDateTime intervalEnd,
        long handled,
        long handleMs,
        long talkMs,
        long holdMs,
        long acwMs,
        long held,
        long wrappedUp,
        long alerts,
        long alertMs,
        long notResponding,
        long notRespondingMs,
        long transferred,
        long blindTransferred,
        long consultTransferred,
        long dialingMs,
        long contactingMs,
        Double ahtSeconds,
        @JsonProperty("final") boolean isFinal,
        long revision,
        @Schema(description = "IANA time zone whose local period the row is: the deployment's default")
        String timeZone) {

    static AgentQueueIntervalRow of(AgentQueueInterval r) {
        IntervalComponents c = r.components();
        return new AgentQueueIntervalRow(r.userId(), r.queueId(), r.mediaType(),
                r.start().atZone(r.zone()).toOffsetDateTime(), r.end().atZone(r.zone()).toOffsetDateTime(),
                c.handled(), c.handleMs(), c.talkMs(), c.holdMs(), c.acwMs(), c.get(QueueMetric.HELD),
                c.get(QueueMetric.WRAPPED_UP), c.get(QueueMetric.ALERTS), c.get(QueueMetric.ALERT_MS),
                c.get(QueueMetric.NOT_RESPONDING), c.get(QueueMetric.NOT_RESPONDING_MS), c.get(QueueMetric.TRANSFERRED),
                c.get(QueueMetric.BLIND_TRANSFERRED), c.get(QueueMetric.CONSULT_TRANSFERRED),
                c.get(QueueMetric.DIALING_MS), c.get(QueueMetric.CONTACTING_MS),
                DerivedKpis.of(c, ServiceLevelSettings.DEFAULTS).ahtSeconds(), r.isFinal(), r.revision(),
                r.zone().getId());
    }
}
