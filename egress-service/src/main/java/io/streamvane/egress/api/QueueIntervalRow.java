package io.streamvane.egress.api;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.streamvane.egress.intervals.QueueInterval;
import io.streamvane.model.kpi.DerivedKpis;
import io.streamvane.model.kpi.IntervalComponents;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;

/** One queue × media type × bucket row of SPEC §3.1: the additive components, the derived KPIs, finality. */
@Schema(description = "Queue interval row; derived values are null when their denominator is 0", example = """
        {"queueId":"q-support","mediaType":"voice","intervalStart":"2025-01-01T10:00:00Z",
         "intervalEnd":"2025-01-01T10:15:00Z","offered":12,"answered":10,"answeredWithinSl":8,"abandoned":2,
         "shortAbandoned":1,"flowOuts":0,"answerWaitMs":50000,"abandonWaitMs":30000,"handled":10,
         "handleMs":3000000,"talkMs":2400000,"holdMs":100000,"acwMs":500000,"serviceLevel":0.7272727272727273,
         "asaSeconds":5.0,"ahtSeconds":300.0,"abandonRate":0.16666666666666666,"final":true,"revision":3,
         "timeZone":"UTC","slThresholdSeconds":20.0,"slTarget":0.8,"abandonedWithinSl":1,
         "shortAbandonWaitMs":4000,"flowOutWaitMs":0,"held":2,"wrappedUp":10,"alerts":11,"alertMs":44000,
         "notResponding":1,"notRespondingMs":8000,"transferred":1,"blindTransferred":1,"consultTransferred":0,
         "dialingMs":0,"contactingMs":0,"overSla":2,"transferRate":0.1}""")
public record QueueIntervalRow(
        String queueId,
        String mediaType,
        @Schema(description = "bucket start with the offset of the row's time zone")
        OffsetDateTime intervalStart,
        @Schema(description = "bucket end with the offset of the row's time zone")
        OffsetDateTime intervalEnd,
        long offered,
        long answered,
        long answeredWithinSl,
        long abandoned,
        long shortAbandoned,
        long flowOuts,
        long answerWaitMs,
        long abandonWaitMs,
        long handled,
        long handleMs,
        long talkMs,
        long holdMs,
        long acwMs,
        @Schema(description = "fraction 0..1") Double serviceLevel,
        Double asaSeconds,
        Double ahtSeconds,
        Double abandonRate,
        @JsonProperty("final") boolean isFinal,
        @Schema(description = "sum of the revisions of the base buckets in this row; grows on every restatement")
        long revision,
        @Schema(description = "IANA time zone whose local period the row is", example = "Europe/London")
        String timeZone,
        @Schema(description = "the SL threshold the row's service level counts answers within, seconds")
        double slThresholdSeconds,
        @Schema(description = "the SL target (fraction 0..1) the queue is measured against: Genesys' own, else "
                + "streamvane.kpi.sl-target")
        double slTarget,
        @Schema(description = "abandons with a wait at or under the SL threshold") long abandonedWithinSl,
        @Schema(description = "Genesys tShortAbandon.sum") long shortAbandonWaitMs,
        @Schema(description = "Genesys tFlowOut.sum") long flowOutWaitMs,
        @Schema(description = "Genesys tHeld.count: interactions with hold time") long held,
        @Schema(description = "Genesys tAcw.count: interactions wrapped up") long wrappedUp,
        @Schema(description = "Genesys tAlert.count") long alerts,
        @Schema(description = "Genesys tAlert.sum") long alertMs,
        @Schema(description = "Genesys tNotResponding.count: alerts that timed out unanswered") long notResponding,
        @Schema(description = "Genesys tNotResponding.sum") long notRespondingMs,
        @Schema(description = "Genesys nTransferred") long transferred,
        @Schema(description = "Genesys nBlindTransferred") long blindTransferred,
        @Schema(description = "Genesys nConsultTransferred") long consultTransferred,
        @Schema(description = "Genesys tDialing.sum (part of handleMs)") long dialingMs,
        @Schema(description = "Genesys tContacting.sum (part of handleMs)") long contactingMs,
        @Schema(description = "Genesys nOverSla: answered after the SL threshold") long overSla,
        @Schema(description = "transferred / answered") Double transferRate) {

    /** The REST shape of a row as read. */
    public static QueueIntervalRow of(QueueInterval row) {
        IntervalComponents c = row.components();
        DerivedKpis d = row.derived();
        return new QueueIntervalRow(row.queueId(), row.mediaType(), local(row.start(), row.zone()),
                local(row.end(), row.zone()), c.offered(),
                c.answered(), c.answeredWithinSl(), c.abandoned(), c.shortAbandoned(), c.flowOuts(), c.answerWaitMs(),
                c.abandonWaitMs(), c.handled(), c.handleMs(), c.talkMs(), c.holdMs(), c.acwMs(), d.serviceLevel(),
                d.asaSeconds(), d.ahtSeconds(), d.abandonRate(), row.isFinal(), row.revision(), row.zone().getId(),
                row.settings().slThreshold().toMillis() / 1000.0, row.slTarget(), c.abandonedWithinSl(),
                c.shortAbandonWaitMs(), c.flowOutWaitMs(), c.held(), c.wrappedUp(), c.alerts(), c.alertMs(),
                c.notResponding(), c.notRespondingMs(), c.transferred(), c.blindTransferred(),
                c.consultTransferred(), c.dialingMs(), c.contactingMs(), d.overSla(), d.transferRate());
    }

    private static OffsetDateTime local(Instant t, ZoneId zone) {
        return t.atZone(zone).toOffsetDateTime();
    }

    public IntervalComponents components() {
        return new IntervalComponents(offered, answered, answeredWithinSl, abandoned, shortAbandoned, flowOuts,
                answerWaitMs, abandonWaitMs, handled, handleMs, talkMs, holdMs, acwMs, abandonedWithinSl,
                shortAbandonWaitMs, flowOutWaitMs, held, wrappedUp, alerts, alertMs, notResponding, notRespondingMs,
                transferred, blindTransferred, consultTransferred, dialingMs, contactingMs);
    }
}
