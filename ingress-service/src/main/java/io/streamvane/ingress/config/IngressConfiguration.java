package io.streamvane.ingress.config;

import io.micrometer.core.instrument.MeterRegistry;
import io.streamvane.ingress.guard.RawEventStore;
import io.streamvane.ingress.guard.RawPartitionMaintenance;
import io.streamvane.ingress.guard.WatermarkTracker;
import io.streamvane.ingress.pipeline.EventIngestion;
import io.streamvane.ingress.pipeline.IngestionPipeline;
import io.streamvane.model.event.EventParser;
import io.streamvane.model.event.ParserLimits;
import java.time.Clock;
import javax.sql.DataSource;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Wires the pipeline and the guard from {@link IngressProperties}; the domain classes never see Spring settings. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({IngressProperties.class, ApiKeyProperties.class})
public class IngressConfiguration {

    @Bean
    EventParser ingressEventParser(IngressProperties properties) {
        return new EventParser(new ParserLimits(properties.maxBodySize().toBytes(), properties.maxBatchItems(),
                properties.maxNestingDepth()));
    }

    @Bean
    WatermarkTracker watermarkTracker(IngressProperties properties) {
        return new WatermarkTracker(properties.allowedLateness());
    }

    @Bean
    RawEventStore rawEventStore(DataSource dataSource, WatermarkTracker watermarks) {
        return new RawEventStore(dataSource, watermarks);
    }

    @Bean
    EventIngestion eventIngestion(EventParser ingressEventParser, RawEventStore store,
                                  ObjectProvider<MeterRegistry> meters, ObjectProvider<Clock> clock) {
        return new IngestionPipeline(ingressEventParser, store,
                meters.getIfAvailable(io.micrometer.core.instrument.simple.SimpleMeterRegistry::new),
                clock.getIfAvailable(Clock::systemUTC));
    }

    @Bean
    RawPartitionMaintenance rawPartitionMaintenance(DataSource dataSource, IngressProperties properties,
                                                    ObjectProvider<Clock> clock) {
        return new RawPartitionMaintenance(dataSource, properties.rawRetention(), properties.partitions().lookahead(),
                clock.getIfAvailable(Clock::systemUTC));
    }
}
