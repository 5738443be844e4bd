package io.streamvane.simulator.api;

import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.Period;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The query {@code interval} cut by its {@code granularity}: buckets start at the interval start and step by the
 * granularity (a time-based period as a fixed duration; a date-based one such as P1D in {@code timeZone}, so days
 * follow DST); the last bucket ends at the interval end. Without granularity, one bucket spans the interval.
 */
final class Buckets {

    static final int MAX_BUCKETS = 20_000;

    private final long[] starts;
    private final long end;

    private Buckets(long[] starts, long end) {
        this.starts = starts;
        this.end = end;
    }

    static Buckets of(String interval, String granularity, String timeZone) {
        if (interval == null || !interval.contains("/")) {
            throw ApiError.badRequest("interval must be start/end, was " + interval);
        }
        String[] parts = interval.split("/", 2);
        long start = instant(parts[0]).toEpochMilli();
        long end = instant(parts[1]).toEpochMilli();
        if (end <= start) {
            throw ApiError.badRequest("interval end must be after its start: " + interval);
        }
        if (granularity == null || granularity.isBlank()) {
            return new Buckets(new long[] {start}, end);
        }
        List<Long> starts = new ArrayList<>();
        try {
            if (granularity.contains("T")) {
                long step = Duration.parse(granularity).toMillis();
                if (step <= 0) {
                    throw ApiError.badRequest("granularity must be positive: " + granularity);
                }
                for (long s = start; s < end; s += step) {
                    starts.add(s);
                    checkSize(starts);
                }
            } else {
                Period step = Period.parse(granularity);
                if (step.isZero() || step.isNegative()) {
                    throw ApiError.badRequest("granularity must be positive: " + granularity);
                }
                ZoneId zone = timeZone == null || timeZone.isBlank() ? ZoneOffset.UTC : ZoneId.of(timeZone);
                ZonedDateTime first = Instant.ofEpochMilli(start).atZone(zone);
                ZonedDateTime s = first;
                for (int i = 1; s.toInstant().toEpochMilli() < end; i++) {
                    starts.add(s.toInstant().toEpochMilli());
                    checkSize(starts);
                    s = first.plus(step.multipliedBy(i));
                }
            }
        } catch (DateTimeException e) {
            throw ApiError.badRequest("bad granularity or timeZone: " + e.getMessage());
        }
        return new Buckets(starts.stream().mapToLong(Long::longValue).toArray(), end);
    }

    private static void checkSize(List<Long> starts) {
        if (starts.size() > MAX_BUCKETS) {
            throw ApiError.badRequest("too many buckets; use a coarser granularity or a shorter interval");
        }
    }

    static Instant instant(String text) {
        try {
            return OffsetDateTime.parse(text.trim()).toInstant();
        } catch (DateTimeException e) {
            throw ApiError.badRequest("bad ISO-8601 time " + text);
        }
    }

    long start() {
        return starts[0];
    }

    long end() {
        return end;
    }

    long startOf(int index) {
        return starts[index];
    }

    long endOf(int index) {
        return index + 1 < starts.length ? starts[index + 1] : end;
    }

    /** The bucket holding the time, or -1 outside the interval. */
    int indexOf(long epochMs) {
        if (epochMs < starts[0] || epochMs >= end) {
            return -1;
        }
        int found = Arrays.binarySearch(starts, epochMs);
        return found >= 0 ? found : -found - 2;
    }

    String label(int index) {
        return io.streamvane.simulator.events.GenesysTime.isoMillis(startOf(index)) + "/"
                + io.streamvane.simulator.events.GenesysTime.isoMillis(endOf(index));
    }
}
