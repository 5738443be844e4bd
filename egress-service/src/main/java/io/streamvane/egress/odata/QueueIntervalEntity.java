package io.streamvane.egress.odata;

import io.streamvane.egress.intervals.QueueInterval;
import io.streamvane.model.kpi.DerivedKpis;
import io.streamvane.model.kpi.IntervalComponents;
import java.sql.Timestamp;
import java.util.LinkedHashMap;
import java.util.Map;

/** The QueueInterval entity of a row as read: every property of {@link StreamvaneEdm}'s QueueIntervals by name. */
final class QueueIntervalEntity {

    private QueueIntervalEntity() {
    }

    static Map<String, Object> properties(QueueInterval row) {
        IntervalComponents c = row.components();
        DerivedKpis d = row.derived();
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("queueId", row.queueId());
        p.put("mediaType", row.mediaType());
        p.put("intervalStart", Timestamp.from(row.start()));
        p.put("intervalEnd", Timestamp.from(row.end()));
        p.put("offered", c.offered());
        p.put("answered", c.answered());
        p.put("answeredWithinSl", c.answeredWithinSl());
        p.put("abandoned", c.abandoned());
        p.put("shortAbandoned", c.shortAbandoned());
        p.put("flowOuts", c.flowOuts());
        p.put("answerWaitMs", c.answerWaitMs());
        p.put("abandonWaitMs", c.abandonWaitMs());
        p.put("handled", c.handled());
        p.put("handleMs", c.handleMs());
        p.put("talkMs", c.talkMs());
        p.put("holdMs", c.holdMs());
        p.put("acwMs", c.acwMs());
        p.put("serviceLevel", d.serviceLevel());
        p.put("asaSeconds", d.asaSeconds());
        p.put("ahtSeconds", d.ahtSeconds());
        p.put("abandonRate", d.abandonRate());
        p.put("final", row.isFinal());
        p.put("revision", row.revision());
        return p;
    }
}
