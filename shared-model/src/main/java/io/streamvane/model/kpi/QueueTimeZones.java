package io.streamvane.model.kpi;

import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * The time zone each queue reports its local hours, days, weeks and months in (SPEC §2): the deployment's default,
 * and a zone per queue where its site differs. Only reporting reads it: the store keeps UTC base buckets, so a change
 * regroups stored rows and restates nothing.
 *
 * @param defaultZone the zone of every queue without a zone of its own
 * @param queues      a zone per queue id
 */
public record QueueTimeZones(ZoneId defaultZone, Map<String, ZoneId> queues) {

    public static final QueueTimeZones UTC = new QueueTimeZones(ZoneId.of("UTC"), Map.of());

    /**
     * @throws IllegalArgumentException for a bare offset ({@code +05:30}, {@code Z}): a site's clock follows its
     *                                  region's rules, and SQL reads a bare offset with the opposite sign
     */
    public QueueTimeZones {
        requireRegion(Objects.requireNonNull(defaultZone, "defaultZone"));
        queues = Map.copyOf(queues == null ? Map.of() : queues);
        queues.values().forEach(QueueTimeZones::requireRegion);
    }

    private static void requireRegion(ZoneId zone) {
        if (zone instanceof ZoneOffset) {
            throw new IllegalArgumentException("time zone '" + zone + "' is an offset, not an IANA zone name such as "
                    + "Europe/London, Asia/Kolkata or UTC");
        }
    }

    /** The zone {@code queueId} reports in. */
    public ZoneId of(String queueId) {
        return queues.getOrDefault(queueId, defaultZone);
    }

    /**
     * @throws IllegalArgumentException naming every zone whose local periods would split a {@code base} bucket (its
     *                                  offsets are not multiples of the base: Kolkata's +05:30 under a PT1H base)
     */
    public QueueTimeZones requireAlignedTo(Granularity base) {
        Map<String, ZoneId> misaligned = new TreeMap<>();
        if (!ZonedBuckets.isAligned(defaultZone, base)) {
            misaligned.put("time-zone", defaultZone);
        }
        queues.forEach((q, z) -> {
            if (!ZonedBuckets.isAligned(z, base)) {
                misaligned.put("queue-time-zones." + q, z);
            }
        });
        if (!misaligned.isEmpty()) {
            throw new IllegalArgumentException("time zones whose offsets are not whole " + base + " buckets, so their "
                    + "local periods cannot be sums of the stored buckets: " + misaligned + " (choose a finer "
                    + "base-granularity)");
        }
        return this;
    }
}
