package io.streamvane.egress.intervals;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import io.streamvane.egress.intervals.QueueIntervals.Series;
import io.streamvane.model.kpi.DerivedKpis;
import io.streamvane.model.kpi.Granularity;
import io.streamvane.model.kpi.KpiSettings;
import io.streamvane.model.store.KpiSettingsStore;
import io.streamvane.model.kpi.Interval;
import io.streamvane.model.kpi.IntervalComponents;
import io.streamvane.model.kpi.ServiceLevelOverride;
import io.streamvane.model.kpi.ServiceLevelPolicy;
import io.streamvane.model.kpi.QueueTimeZones;
import io.streamvane.model.kpi.ZonedBuckets;
import io.streamvane.testsupport.TestDatabases;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The one reader over a store that keeps PT30M base buckets, reported at PT1H. */
class QueueIntervalsTest {

    private static final Instant T0 = Instant.parse("2025-03-04T10:00:00Z");
    private static final Series VOICE = new Series("q1", "voice");
    private static final QueueIntervals HALF_HOURS = new QueueIntervals(Granularity.PT30M, Duration.ofMinutes(30));
    private static final ZonedBuckets HOURS = ZonedBuckets.utc(Granularity.PT1H);
    private static final ServiceLevelPolicy POLICY = ServiceLevelPolicy.builder()
            .queue("q1", ServiceLevelOverride.NONE.withIncludeFlowOuts(true)).build();

    private DataSource dataSource;

    @BeforeEach
    void store() throws Exception {
        dataSource = TestDatabases.freshMigrated().dataSource();
        exec("INSERT INTO queue (queue_id, name) VALUES ('q1', 'Sales EN')");
        try (Connection c = dataSource.getConnection()) {
            KpiSettingsStore.publish(c, KpiSettings.DEFAULTS.withBaseGranularity(Granularity.PT30M)
                    .withServiceLevel(POLICY.layers()), KpiSettingsStore.Role.OWNER, "test");
        }
    }

    @Test
    void anHourOfTwoStoredHalfHoursSumsTheirComponentsAndRevisionsAndIsFinalWhenBothAre() throws Exception {
        halfHour(T0, 10, 8, 2, true);
        halfHour(T0.plusSeconds(1800), 6, 5, 3, true);

        QueueInterval hour = read(r -> r.grid(List.of(VOICE), hours(T0, 1), HOURS)).get(0);

        assertThat(hour.interval()).isEqualTo(new Interval(T0, T0.plusSeconds(3600)));
        assertThat(hour.queueName()).isEqualTo("Sales EN");
        assertThat(hour.components()).isEqualTo(IntervalComponents.builder().offered(16).answered(13)
                .answeredWithinSl(13).flowOuts(3).answerWaitMs(13_000).build());
        assertThat(hour.revision()).isEqualTo(5);
        assertThat(hour.storedBaseRows()).isEqualTo(2);
        assertThat(hour.baseBuckets()).isEqualTo(2);
        assertThat(hour.isComplete()).isTrue();
        // Both half-hours were marked final by the sweep: the hour is final without an active source.
        assertThat(hour.isFinal()).isTrue();
        assertThat(hour.settings()).isEqualTo(POLICY.resolve("q1", "voice"));
        assertThat(hour.derived()).isEqualTo(DerivedKpis.of(hour.components(), POLICY.resolve("q1", "voice")));
        assertThat(hour.derived().serviceLevel()).isEqualTo(13.0 / 16);
    }

    @Test
    void anHourWithAQuietSecondHalfIsFinalOnceTheWatermarkHasPassedTheHoursEnd() throws Exception {
        halfHour(T0, 10, 8, 2, true);

        watermark(T0.plusSeconds(3600 - 60));
        QueueInterval before = read(r -> r.stored(VOICE, T0, Granularity.PT1H)).orElseThrow();
        watermark(T0.plusSeconds(3600));
        QueueInterval after = read(r -> r.stored(VOICE, T0, Granularity.PT1H)).orElseThrow();

        assertThat(before.isFinal()).isFalse();
        assertThat(after.isFinal()).isTrue();
        assertThat(after.storedBaseRows()).isEqualTo(1);
        assertThat(after.isComplete()).isFalse();
        assertThat(after.revision()).isEqualTo(2);
        assertThat(after.components().offered()).isEqualTo(10);
    }

    @Test
    void aHalfHourTheSweepHasNotMarkedKeepsTheHourOpenWhateverTheWatermark() throws Exception {
        halfHour(T0, 10, 8, 2, true);
        halfHour(T0.plusSeconds(1800), 1, 1, 1, false);
        watermark(T0.plusSeconds(7200));

        assertThat(read(r -> r.stored(VOICE, T0, Granularity.PT1H)).orElseThrow().isFinal()).isFalse();
    }

    @Test
    void anHourWithoutStoredRowsIsAZeroRowInTheGridAndAbsentFromTheStoredRows() throws Exception {
        halfHour(T0, 10, 8, 2, true);
        watermark(T0.plusSeconds(2 * 3600));

        List<QueueInterval> grid = read(r -> r.grid(List.of(VOICE), hours(T0, 3), HOURS));
        List<QueueInterval> stored = read(r -> r.stored(T0, T0.plusSeconds(3 * 3600), Granularity.PT1H));

        assertThat(grid).extracting(QueueInterval::start)
                .containsExactly(T0, T0.plusSeconds(3600), T0.plusSeconds(7200));
        QueueInterval quiet = grid.get(1);
        assertThat(quiet.components()).isEqualTo(IntervalComponents.ZERO);
        assertThat(quiet.revision()).isZero();
        assertThat(quiet.hasStoredRows()).isFalse();
        assertThat(quiet.queueName()).isEqualTo("Sales EN");
        assertThat(quiet.derived().serviceLevel()).isNull();
        assertThat(grid).extracting(QueueInterval::isFinal).containsExactly(true, true, false);
        assertThat(stored).extracting(QueueInterval::start).containsExactly(T0);
    }

    @Test
    void atTheBaseGranularityEveryStoredRowIsItsOwnBucketAndFinalExactlyWhenTheSweepMarkedIt() throws Exception {
        halfHour(T0, 10, 8, 2, true);
        halfHour(T0.plusSeconds(1800), 6, 5, 3, false);

        List<QueueInterval> rows = read(r -> r.baseRows("queue_id = ?", List.of("q1"), "interval_start", 10, 0));

        assertThat(rows).extracting(QueueInterval::granularity).containsOnly(Granularity.PT30M);
        assertThat(rows).extracting(QueueInterval::end)
                .containsExactly(T0.plusSeconds(1800), T0.plusSeconds(3600));
        assertThat(rows).extracting(QueueInterval::isFinal).containsExactly(true, false);
        assertThat(rows).extracting(QueueInterval::revision).containsExactly(2L, 3L);
    }

    @Test
    void granularitiesFinerThanTheStoredBaseAreRefused() throws Exception {
        assertThat(HALF_HOURS.canReport(Granularity.PT15M)).isFalse();
        assertThat(HALF_HOURS.canReport(Granularity.PT1H)).isTrue();
        try (Connection c = dataSource.getConnection()) {
            QueueIntervals.Read read = HALF_HOURS.read(c);
            assertThatIllegalArgumentException()
                    .isThrownBy(() -> read.grid(List.of(VOICE), List.of(Interval.of(T0, Granularity.PT15M)),
                            ZonedBuckets.utc(Granularity.PT15M)));
        }
    }

    /**
     * The acceptance days of site time zones: Sydney (+11:00), New York across both DST changes of 2026 and Kolkata
     * (+05:30). Every half hour of the span holds a distinct count, so a local day or hour equals the sum of exactly
     * its base rows or the test fails. The expected sums group the base rows by their local date, or local hour and
     * offset, straight from java.time, without the bucketing under test.
     */
    @Test
    void localDaysAndHoursAreSumsOfTheBaseRowsOfThoseLocalPeriods() throws Exception {
        record Span(String zone, String from, String to) {
        }
        for (Span span : List.of(new Span("Australia/Sydney", "2026-12-02T00:00:00Z", "2026-12-05T00:00:00Z"),
                new Span("America/New_York", "2026-10-31T00:00:00Z", "2026-11-03T00:00:00Z"),
                new Span("America/New_York", "2026-03-07T00:00:00Z", "2026-03-10T00:00:00Z"),
                new Span("Asia/Kolkata", "2026-12-02T00:00:00Z", "2026-12-05T00:00:00Z"))) {
            exec("DELETE FROM queue_interval");
            ZoneId zone = ZoneId.of(span.zone());
            try (Connection c = dataSource.getConnection()) {
                KpiSettingsStore.publish(c, KpiSettings.DEFAULTS.withBaseGranularity(Granularity.PT30M)
                        .withServiceLevel(POLICY.layers()).withTimeZones(new QueueTimeZones(ZoneId.of("UTC"),
                                Map.of("q1", zone))), KpiSettingsStore.Role.OWNER, "test");
            }
            Map<LocalDate, Long> byDay = new TreeMap<>();
            Map<String, Long> byHour = new TreeMap<>();
            long n = 0;
            for (Instant t = Instant.parse(span.from()); t.isBefore(Instant.parse(span.to())); t = t.plusSeconds(1800)) {
                halfHour(t, ++n, 0, 1, true);
                ZonedDateTime local = t.atZone(zone);
                byDay.merge(local.toLocalDate(), n, Long::sum);
                byHour.merge(local.truncatedTo(ChronoUnit.HOURS).toOffsetDateTime().toString(), n, Long::sum);
            }
            Instant from = Instant.parse(span.from());
            Instant to = Instant.parse(span.to());

            List<QueueInterval> days = read(r -> r.stored(from, to, Granularity.P1D));
            List<QueueInterval> hours = read(r -> r.stored(from, to, Granularity.PT1H));

            // The first and last local days are partly outside the span: only whole days inside are compared.
            Map<LocalDate, Long> gotDays = new TreeMap<>();
            days.stream().filter(d -> !d.start().isBefore(from) && !d.end().isAfter(to))
                    .forEach(d -> gotDays.put(d.start().atZone(zone).toLocalDate(), d.components().offered()));
            assertThat(gotDays).as(span.toString()).isNotEmpty();
            gotDays.forEach((day, offered) -> assertThat(offered).as(span + " " + day).isEqualTo(byDay.get(day)));
            days.forEach(d -> assertThat(d.zone()).isEqualTo(zone));
            Map<String, Long> gotHours = new TreeMap<>();
            hours.forEach(h -> gotHours.put(h.start().atZone(zone).toOffsetDateTime().toString(),
                    h.components().offered()));
            assertThat(gotHours).as(span.toString()).isEqualTo(byHour);
        }
    }

    @Test
    void newYorksFallBackDayIsOneRowOf25HoursAnd25HourlyRows() throws Exception {
        try (Connection c = dataSource.getConnection()) {
            KpiSettingsStore.publish(c, KpiSettings.DEFAULTS.withBaseGranularity(Granularity.PT30M)
                    .withTimeZones(new QueueTimeZones(ZoneId.of("America/New_York"), Map.of())),
                    KpiSettingsStore.Role.OWNER, "test");
        }
        Instant midnight = Instant.parse("2026-11-01T04:00:00Z"); // 00:00 EDT
        halfHour(midnight.plusSeconds(3600 * 12), 5, 5, 1, true);
        ZonedBuckets days = read(r -> r.buckets("q1", Granularity.P1D));
        ZonedBuckets hours = read(r -> r.buckets("q1", Granularity.PT1H));
        Interval day = days.bucket(midnight);

        List<QueueInterval> daily = read(r -> r.grid(List.of(VOICE), List.of(day), days));
        List<QueueInterval> hourly = read(r -> r.grid(List.of(VOICE), hours.startingIn(day.start(), day.end(), 100),
                hours));

        assertThat(daily).singleElement().satisfies(d -> {
            assertThat(d.end()).isEqualTo(Instant.parse("2026-11-02T05:00:00Z"));
            assertThat(d.baseBuckets()).isEqualTo(50);
            assertThat(d.components().offered()).isEqualTo(5);
        });
        assertThat(hourly).hasSize(25).allSatisfy(h -> assertThat(h.baseBuckets()).isEqualTo(2));
    }

    private List<Interval> hours(Instant from, int n) {
        return Interval.bucketsStartingIn(from, from.plusSeconds(3600L * n), Granularity.PT1H, n);
    }

    private <T> T read(QueueIntervals.Work<T> work) throws Exception {
        try (Connection c = dataSource.getConnection()) {
            return work.apply(HALF_HOURS.read(c));
        }
    }

    /** A stored PT30M base row: every answer within SL, 1 s wait each. */
    private void halfHour(Instant start, long offered, long answered, int revision, boolean isFinal)
            throws Exception {
        exec("""
                INSERT INTO queue_interval (queue_id, media_type, interval_start, interval_end, offered, answered,
                    answered_within_sl, flow_outs, answer_wait_ms, revision, is_final)
                VALUES ('q1', 'voice', ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                Timestamp.from(start), Timestamp.from(start.plus(Granularity.PT30M.duration())), offered, answered,
                answered, offered - answered, answered * 1000, revision, isFinal);
    }

    private void watermark(Instant wm) throws Exception {
        exec("""
                INSERT INTO watermark AS w (source, max_event_time, watermark) VALUES ('events', ?, ?)
                ON CONFLICT (source) DO UPDATE SET watermark = excluded.watermark, updated_at = now()""",
                Timestamp.from(wm.plusSeconds(300)), Timestamp.from(wm));
    }

    private void exec(String sql, Object... args) throws Exception {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                ps.setObject(i + 1, args[i]);
            }
            ps.executeUpdate();
        }
    }
}
