package io.streamvane.ingress.config;

import io.streamvane.ingress.guard.RawPartitionMaintenance;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.FixedDelayTask;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;

/**
 * Runs the raw partition maintenance on every replica unless {@code streamvane.ingress.partitions.enabled} is false;
 * a run another replica holds is skipped (advisory lock). Switch and schedule are bound into
 * {@link IngressProperties}, so their defaults live there alone.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
public class PartitionMaintenanceSchedule implements SchedulingConfigurer {

    private static final Logger log = LoggerFactory.getLogger(PartitionMaintenanceSchedule.class);

    private final RawPartitionMaintenance maintenance;
    private final IngressProperties.Partitions partitions;

    public PartitionMaintenanceSchedule(RawPartitionMaintenance maintenance, IngressProperties properties) {
        this.maintenance = maintenance;
        this.partitions = properties.partitions();
    }

    @Override
    public void configureTasks(ScheduledTaskRegistrar registrar) {
        if (!partitions.enabled()) {
            return;
        }
        registrar.addFixedDelayTask(new FixedDelayTask(this::maintainRawPartitions, partitions.interval(),
                partitions.initialDelay()));
    }

    void maintainRawPartitions() {
        try {
            maintenance.runOnce();
        } catch (Exception e) {
            // The next run retries; rows outside the daily partitions land in the default partition meanwhile.
            log.warn("raw partition maintenance failed: {}", e.toString());
        }
    }
}
