package io.streamvane.egress.delivery;

import io.streamvane.model.kpi.Granularity;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;

/**
 * What every pushed row, queue or agent, writes one way: its period (UTC start and end, as WFM imports' "UTC" columns
 * take them, its length, its local date and time, its start and end with the offset of its zone), its start in payload
 * ids, and durations in seconds.
 */
final class RowFields {

    /** In the order {@link #put} writes them. */
    static final List<String> NAMES = List.of("intervalStart", "intervalEnd", "intervalMinutes", "intervalDate",
            "intervalTime", "granularity", "timeZone", "intervalStartLocal", "intervalEndLocal");

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");
    /** ISO-8601 with the offset and always the seconds, as {@link Instant#toString()} writes UTC times. */
    private static final DateTimeFormatter OFFSET_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssXXX");

    private static final DateTimeFormatter COMPACT =
            DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmm'Z'").withZone(ZoneOffset.UTC);

    private RowFields() {
    }

    /** A period's start in payload ids: {@code 20250304T0915Z}. */
    static String compact(Instant start) {
        return COMPACT.format(start);
    }

    /** Whole seconds as a long, fractions as a plain decimal: 1500 ms is 1.5, 20000 ms is 20. */
    static Number seconds(long ms) {
        return ms % 1000 == 0 ? (Number) (ms / 1000) : BigDecimal.valueOf(ms, 3).stripTrailingZeros();
    }

    static void put(Map<String, Object> row, Instant start, Instant end, Granularity granularity, ZoneId zone) {
        OffsetDateTime local = start.atZone(zone).toOffsetDateTime();
        row.put("intervalStart", start.toString());
        row.put("intervalEnd", end.toString());
        row.put("intervalMinutes", Duration.between(start, end).toMinutes());
        row.put("intervalDate", DATE.format(local));
        row.put("intervalTime", TIME.format(local));
        row.put("granularity", granularity.name());
        row.put("timeZone", zone.getId());
        row.put("intervalStartLocal", OFFSET_TIME.format(local));
        row.put("intervalEndLocal", OFFSET_TIME.format(end.atZone(zone)));
    }
}
