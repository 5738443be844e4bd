package io.streamvane.ingress.config;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.streamvane.ingress.guard.DedupHorizon;
import io.streamvane.ingress.guard.RawEventStore;
import io.streamvane.ingress.guard.RawPartitionMaintenance;
import io.streamvane.ingress.guard.WatermarkTracker;
import io.streamvane.ingress.pipeline.EventIngestion;
import io.streamvane.ingress.pipeline.IngestionPipeline;
import io.streamvane.model.event.EventParser;
import io.streamvane.model.event.ParserLimits;
import java.time.Clock;
import javax.sql.DataSource;
import io.streamvane.model.kpi.KpiSettings;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Wires the pipeline and the guard from {@link IngressProperties}; the domain classes never see Spring settings. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(IngressProperties.class)
public class IngressConfiguration {

    @Bean
    WatermarkTracker watermarkTracker(IngressProperties properties, KpiSettings kpi, Clock clock) {
        return new WatermarkTracker(kpi.allowedLateness(), properties.maxClockSkew(), clock);
    }

    @Bean
    DedupHorizon dedupHorizon(IngressProperties properties) {
        return new DedupHorizon(properties.rawRetention());
    }

    @Bean
    RawEventStore rawEventStore(DataSource dataSource, WatermarkTracker watermarks) {
        return new RawEventStore(dataSource, watermarks);
    }

    @Bean
    EventIngestion eventIngestion(IngressProperties properties, RawEventStore store, DedupHorizon horizon,
                                  ObjectProvider<MeterRegistry> meters, Clock clock) {
        // The parser is not a bean: its limits are ingress settings, and other services may want their own.
        EventParser parser = new EventParser(new ParserLimits(properties.maxBodySize().toBytes(),
                properties.maxBatchItems(), properties.maxNestingDepth()));
        return new IngestionPipeline(parser, store, horizon,
                meters.getIfUnique(SimpleMeterRegistry::new),
                clock);
    }

    @Bean
    RawPartitionMaintenance rawPartitionMaintenance(DataSource dataSource, IngressProperties properties,
                                                    DedupHorizon horizon, Clock clock) {
        return new RawPartitionMaintenance(dataSource, horizon, properties.partitions().lookahead(),
                clock);
    }
}
