package io.streamvane.ingress.config;

import io.streamvane.ingress.guard.RawPartitionMaintenance;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;

/** Runs the raw partition maintenance on every replica; a run another replica holds is skipped (advisory lock). */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
@ConditionalOnProperty(name = "streamvane.ingress.partitions.enabled", havingValue = "true", matchIfMissing = true)
public class PartitionMaintenanceSchedule {

    private static final Logger log = LoggerFactory.getLogger(PartitionMaintenanceSchedule.class);

    private final RawPartitionMaintenance maintenance;

    public PartitionMaintenanceSchedule(RawPartitionMaintenance maintenance) {
        this.maintenance = maintenance;
    }

    @Scheduled(initialDelayString = "${streamvane.ingress.partitions.initial-delay:10s}",
               fixedDelayString = "${streamvane.ingress.partitions.interval:1h}")
    void maintainRawPartitions() {
        try {
            maintenance.runOnce();
        } catch (Exception e) {
            // The next run retries; rows outside the daily partitions land in the default partition meanwhile.
            log.warn("raw partition maintenance failed: {}", e.toString());
        }
    }
}
