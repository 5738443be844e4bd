package io.streamvane.model.kpi;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.TemporalAdjusters;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Buckets of one granularity on the local clock of one time zone (SPEC §2, site time zones): local quarter hours,
 * hours, days, ISO weeks from Monday and calendar months, each a half-open UTC range, as Genesys reports them for a
 * query's {@code timeZone}. A bucket is the instants whose local time falls in the same local period, so around a DST
 * change a local day lasts 23 or 25 hours, an hour that repeats is two buckets (one per offset), and a period whose
 * local start does not exist starts at the change. Where the zone's offsets are multiples of the base granularity
 * ({@link #isAligned}), every bucket is a whole union of base buckets and rolls up exactly.
 */
public record ZonedBuckets(Granularity granularity, ZoneId zone) {

    /** Offsets from this year on decide alignment: the store holds no older data, and older offsets were odd. */
    private static final Instant ALIGNMENT_CHECKED_FROM = Instant.parse("1990-01-01T00:00:00Z");
    private static final int RULES_SAMPLE_YEAR = 2040;

    public ZonedBuckets {
        Objects.requireNonNull(granularity, "granularity");
        Objects.requireNonNull(zone, "zone");
    }

    public static ZonedBuckets of(Granularity granularity, ZoneId zone) {
        return new ZonedBuckets(granularity, zone);
    }

    public static ZonedBuckets utc(Granularity granularity) {
        return new ZonedBuckets(granularity, ZoneOffset.UTC);
    }

    /**
     * Whether every local bucket boundary of {@code zone} is a {@code base} boundary: each offset it has used since
     * 1990, and each instant it changed offset, is a whole number of base buckets. Kolkata (+05:30) is aligned to
     * PT15M and PT30M, not to PT1H; Kathmandu (+05:45) only to PT15M; UTC to every base.
     */
    public static boolean isAligned(ZoneId zone, Granularity base) {
        if (!base.canBeBase()) {
            return false;
        }
        long s = base.duration().getSeconds();
        ZoneRules rules = zone.getRules();
        List<ZoneOffsetTransition> changes = new ArrayList<>(rules.getTransitions().stream()
                .filter(t -> !t.getInstant().isBefore(ALIGNMENT_CHECKED_FROM)).toList());
        // The rules that repeat every year after the last listed change: one year of each says it all.
        rules.getTransitionRules().forEach(r -> changes.add(r.createTransition(RULES_SAMPLE_YEAR)));
        return rules.getOffset(ALIGNMENT_CHECKED_FROM).getTotalSeconds() % s == 0
                && changes.stream().allMatch(t -> t.getOffsetAfter().getTotalSeconds() % s == 0
                        && t.getInstant().getEpochSecond() % s == 0);
    }

    /** The start of the bucket holding {@code t}; a time exactly on a boundary starts its own bucket. */
    public Instant start(Instant t) {
        Objects.requireNonNull(t, "t");
        ZoneRules rules = zone.getRules();
        ZoneOffset offset = rules.getOffset(t);
        LocalDateTime period = periodOf(LocalDateTime.ofEpochSecond(t.getEpochSecond(), 0, offset));
        // The period's local start at t's own offset where that offset is valid for it (the second of two equal
        // local hours starts at its own instant).
        Instant start = ZonedDateTime.ofLocal(period, zone, offset).toInstant();
        // A change between that start and t ends the bucket before it when the instant just before the change lies
        // in another local period (Chatham's clocks go back at 03:45, mid half hour): the bucket starts at the
        // change. A day that holds a change stays one bucket. A start in a gap that the JDK moved past t is a
        // period beginning at the change too.
        for (ZoneOffsetTransition change = rules.previousTransition(t.plusNanos(1));
                change != null && (change.getInstant().isAfter(start) || start.isAfter(t));
                change = rules.previousTransition(change.getInstant())) {
            Instant before = change.getInstant().minusNanos(1);
            LocalDateTime localBefore = LocalDateTime.ofInstant(before, change.getOffsetBefore());
            if (start.isAfter(t) || !periodOf(localBefore).equals(period)) {
                return change.getInstant();
            }
        }
        return start;
    }

    /**
     * The end of the bucket starting at {@code start}, which is where the next one starts.
     *
     * @throws IllegalArgumentException when {@code start} is not the start of a bucket
     */
    public Instant end(Instant start) {
        if (!start(start).equals(start)) {
            throw new IllegalArgumentException(start + " is not the start of a " + this + " bucket");
        }
        ZoneRules rules = zone.getRules();
        ZoneOffset offset = rules.getOffset(start);
        LocalDateTime next = next(periodOf(LocalDateTime.ofEpochSecond(start.getEpochSecond(), 0, offset)));
        Instant end = ZonedDateTime.ofLocal(next, zone, offset).toInstant();
        // An offset change inside may begin a new bucket before the next local period does (a repeated hour).
        for (ZoneOffsetTransition t = rules.nextTransition(start); t != null && t.getInstant().isBefore(end);
                t = rules.nextTransition(t.getInstant())) {
            Instant other = start(t.getInstant());
            if (other.isAfter(start)) {
                return other.isBefore(end) ? other : end;
            }
        }
        return end;
    }

    /** The bucket holding {@code t}. */
    public Interval bucket(Instant t) {
        Instant start = start(t);
        return new Interval(start, end(start));
    }

    /**
     * The first at most {@code max} buckets whose start lies in {@code [from, to)}, in time order: the rows a query
     * over {@code [from, to)} selects by interval start. Only the buckets returned are built, so a caller pages a
     * long range by asking again from the start of the bucket after the last one returned.
     */
    public List<Interval> startingIn(Instant from, Instant to, int max) {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        if (max < 0) {
            throw new IllegalArgumentException("max must not be negative: " + max);
        }
        List<Interval> buckets = new ArrayList<>();
        Instant start = start(from);
        if (start.isBefore(from)) {
            start = end(start);
        }
        while (start.isBefore(to) && buckets.size() < max) {
            Instant end = end(start);
            buckets.add(new Interval(start, end));
            start = end;
        }
        return buckets;
    }

    private LocalDateTime periodOf(LocalDateTime local) {
        return switch (granularity) {
            case PT15M, PT30M, PT1H -> {
                long s = granularity.duration().getSeconds();
                long second = local.toLocalTime().toSecondOfDay();
                yield local.toLocalDate().atTime(LocalTime.ofSecondOfDay(second - second % s));
            }
            case P1D -> local.toLocalDate().atStartOfDay();
            case P7D -> local.toLocalDate().with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)).atStartOfDay();
            case P1M -> local.toLocalDate().withDayOfMonth(1).atStartOfDay();
        };
    }

    private LocalDateTime next(LocalDateTime period) {
        return switch (granularity) {
            case PT15M, PT30M, PT1H -> period.plus(granularity.duration());
            case P1D -> period.plusDays(1);
            case P7D -> period.plusWeeks(1);
            case P1M -> period.plusMonths(1);
        };
    }
}
