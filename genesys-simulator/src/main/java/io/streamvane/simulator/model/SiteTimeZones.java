package io.streamvane.simulator.model;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.List;

/**
 * Time zones of real contact-center sites around the globe, no more than three hours apart, so at any instant one of
 * them is within an hour and a half of any chosen local time. The demo uses it to put "now" in a site's business day.
 */
public final class SiteTimeZones {

    public static final List<ZoneId> SITES = List.of(
            "Pacific/Honolulu", "America/Los_Angeles", "America/Chicago", "America/New_York", "America/Sao_Paulo",
            "Africa/Dakar", "Europe/London", "Europe/Berlin", "Africa/Nairobi", "Asia/Dubai", "Asia/Kolkata", "Asia/Bangkok",
            "Asia/Singapore", "Asia/Tokyo", "Australia/Sydney", "Pacific/Auckland").stream().map(ZoneId::of).toList();

    private SiteTimeZones() {
    }

    /** The site whose wall clock at {@code now} is nearest to {@code localTime} (first in {@link #SITES} on a tie). */
    public static ZoneId nearestTo(LocalTime localTime, Instant now) {
        return SITES.stream().min(Comparator.comparing(zone -> distance(now.atZone(zone).toLocalTime(), localTime)))
                .orElseThrow();
    }

    /** Distance on the 24-hour dial, so 23:30 and 00:30 are one hour apart. */
    static Duration distance(LocalTime a, LocalTime b) {
        long seconds = Math.abs(a.toSecondOfDay() - b.toSecondOfDay());
        return Duration.ofSeconds(Math.min(seconds, 86_400 - seconds));
    }
}
