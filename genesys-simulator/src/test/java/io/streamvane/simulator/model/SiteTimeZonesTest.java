package io.streamvane.simulator.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;

class SiteTimeZonesTest {

    /** Daylight saving included: somewhere it is always within an hour and a half of any local time. */
    @Property(tries = 2000)
    void someSiteIsAlwaysNearAnyLocalTime(@ForAll @LongRange(min = 946_684_800L, max = 4_102_444_800L) long epochSecond,
            @ForAll @LongRange(min = 0, max = 86_399) long secondOfDay) {
        Instant now = Instant.ofEpochSecond(epochSecond);
        LocalTime wanted = LocalTime.ofSecondOfDay(secondOfDay);

        ZoneId site = SiteTimeZones.nearestTo(wanted, now);

        assertThat(SiteTimeZones.distance(now.atZone(site).toLocalTime(), wanted))
                .isLessThanOrEqualTo(Duration.ofMinutes(90));
    }

    @Test
    void distanceGoesRoundMidnight() {
        assertThat(SiteTimeZones.distance(LocalTime.of(23, 30), LocalTime.of(0, 30))).isEqualTo(Duration.ofHours(1));
        assertThat(SiteTimeZones.distance(LocalTime.of(13, 0), LocalTime.of(10, 0))).isEqualTo(Duration.ofHours(3));
    }

    @Test
    void arrivalsFollowTheSitesLocalHours() {
        ArrivalProfile utc = ArrivalProfile.typicalDay();
        ArrivalProfile sydney = utc.at(ZoneId.of("Australia/Sydney"));
        long utcMidnight = Instant.parse("2026-12-01T00:00:00Z").toEpochMilli(); // 11:00 in Sydney (summer time)

        assertThat(utc.multiplierAt(utcMidnight)).isEqualTo(utc.hourlyMultipliers().get(0));
        assertThat(sydney.multiplierAt(utcMidnight)).isEqualTo(utc.hourlyMultipliers().get(11));
    }
}
