package io.streamvane.reliability.faults;

import io.streamvane.simulator.truth.QueueComponents;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;

/** One PT15M queue interval as the store holds it or a sink delivered it: key, revision, finality, components. */
record IntervalRow(String key, int revision, boolean isFinal, QueueComponents components) {

    static String key(String queueId, String mediaType, Instant start) {
        return queueId + "|" + mediaType.toLowerCase(Locale.ROOT) + "|" + start;
    }

    /** A row as the push sinks render it (QueueIntervalRow's fields). */
    static IntervalRow fromSinkFields(Map<String, Object> row) {
        QueueComponents c = QueueComponents.byName(field -> num(row, field));
        return new IntervalRow(key((String) row.get("queueId"), (String) row.get("mediaType"),
                Instant.parse((String) row.get("intervalStart"))), (int) num(row, "revision"),
                Boolean.TRUE.equals(row.get("isFinal")), c);
    }

    private static long num(Map<String, Object> row, String field) {
        Object v = row.get(field);
        if (!(v instanceof Number n)) {
            throw new IllegalArgumentException("field " + field + " missing or not a number in " + row);
        }
        return n.longValue();
    }
}
