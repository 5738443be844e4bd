package io.streamvane.egress.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.streamvane.model.kpi.Granularity;
import io.streamvane.model.kpi.ZonedBuckets;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class IntervalQueryTest {

    private static final Instant FROM = Instant.parse("2025-01-01T00:00:00Z");
    private static final Granularity BASE = Granularity.PT15M;

    @Test
    void aPageOfAThousandYearRangeAllocatesOnlyItsOwnBuckets() {
        // Past the span check on purpose: paging itself must be bounded whatever range reaches it.
        IntervalQuery query = new IntervalQuery(FROM, FROM.plus(Duration.ofDays(365_250)), Granularity.PT15M, null,
                null, IntervalQuery.MAX_LIMIT);
        ZonedBuckets calendar = query.calendar(ZoneId.of("UTC"));
        query.page(1, calendar); // load the classes first

        long allocatedBefore = allocatedBytes();
        IntervalQuery.Page page = query.page(1, calendar);
        long allocated = allocatedBytes() - allocatedBefore;
        System.out.printf("[span-limit] page of 10,000 PT15M buckets out of 35,064,000: %.2f MB allocated%n",
                allocated / 1e6);

        assertThat(page.buckets()).hasSize(IntervalQuery.MAX_LIMIT);
        assertThat(page.buckets().get(0).start()).isEqualTo(FROM);
        assertThat(page.nextFrom()).isEqualTo(FROM.plus(Duration.ofMinutes(15).multipliedBy(IntervalQuery.MAX_LIMIT)));
        assertThat(allocated).as("bytes allocated for one page").isLessThan(16L * 1024 * 1024);
    }

    @Test
    void theSpanLimitDependsOnTheGranularityAndIsInclusive() {
        assertThat(IntervalQuery.of(FROM, FROM.plus(Duration.ofDays(400)), "PT15M", null, null, null, BASE).to())
                .isEqualTo(FROM.plus(Duration.ofDays(400)));
        assertThat(IntervalQuery.of(FROM, FROM.plus(Duration.ofDays(3_660)), "P1D", null, null, null, BASE)
                .granularity()).isEqualTo(Granularity.P1D);
        for (String g : new String[] {"PT15M", "PT30M", "PT1H"}) {
            assertThatThrownBy(() -> IntervalQuery.of(FROM, FROM.plus(Duration.ofDays(400)).plusNanos(1), g, null,
                    null, null, BASE)).isInstanceOfSatisfying(InvalidQueryException.class,
                            e -> assertThat(e.reason()).isEqualTo("span-too-large"));
        }
        assertThatThrownBy(() -> IntervalQuery.of(FROM, FROM.plus(Duration.ofDays(3_661)), "P1D", null, null, null,
                BASE)).isInstanceOfSatisfying(InvalidQueryException.class,
                        e -> assertThat(e.reason()).isEqualTo("span-too-large"));
    }

    @Test
    void withoutAGranularityTheStoredBaseIsReportedAndAFinerOneIsRefused() {
        assertThat(IntervalQuery.of(FROM, FROM.plus(Duration.ofDays(1)), null, null, null, null, Granularity.PT30M)
                .granularity()).isEqualTo(Granularity.PT30M);
        assertThatThrownBy(() -> IntervalQuery.of(FROM, FROM.plus(Duration.ofDays(1)), "PT15M", null, null, null,
                Granularity.PT30M)).isInstanceOfSatisfying(InvalidQueryException.class,
                        e -> assertThat(e.reason()).isEqualTo(InvalidQueryException.INVALID_GRANULARITY));
    }

    @Test
    void aTimeZoneMustBeAnIanaNameWhoseOffsetsAreWholeStoredBuckets() {
        Instant to = FROM.plus(Duration.ofDays(1));
        assertThat(IntervalQuery.of(FROM, to, "PT1H", "Asia/Kolkata", null, null, BASE).timeZone())
                .isEqualTo(ZoneId.of("Asia/Kolkata"));
        assertThat(IntervalQuery.of(FROM, to, "PT1H", null, null, null, BASE).calendar(ZoneId.of("Europe/Paris")))
                .isEqualTo(ZonedBuckets.of(Granularity.PT1H, ZoneId.of("Europe/Paris")));
        for (String bad : new String[] {"Mars/Olympus", "+05:30", "Z", "EST5EDT!"}) {
            assertThatThrownBy(() -> IntervalQuery.of(FROM, to, "PT1H", bad, null, null, BASE))
                    .as(bad).isInstanceOfSatisfying(InvalidQueryException.class,
                            e -> assertThat(e.reason()).isEqualTo(InvalidQueryException.INVALID_TIME_ZONE));
        }
        // Kolkata's +05:30 is not a whole number of PT1H buckets: its local days would split a stored hour.
        assertThatThrownBy(() -> IntervalQuery.of(FROM, to, "P1D", "Asia/Kolkata", null, null, Granularity.PT1H))
                .isInstanceOfSatisfying(InvalidQueryException.class,
                        e -> assertThat(e).hasMessageContaining("not whole PT1H buckets"));
    }

    @Test
    void weeksAndMonthsHaveTheDailySpanLimit() {
        assertThat(IntervalQuery.of(FROM, FROM.plus(Duration.ofDays(3_660)), "P1M", null, null, null, BASE)
                .granularity()).isEqualTo(Granularity.P1M);
        assertThat(IntervalQuery.of(FROM, FROM.plus(Duration.ofDays(3_660)), "P7D", null, null, null, BASE)
                .granularity()).isEqualTo(Granularity.P7D);
    }

    private static long allocatedBytes() {
        var threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        return threads.getThreadAllocatedBytes(Thread.currentThread().getId());
    }
}
