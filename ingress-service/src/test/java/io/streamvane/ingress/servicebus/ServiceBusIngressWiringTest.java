package io.streamvane.ingress.servicebus;

import static org.assertj.core.api.Assertions.assertThat;

import com.azure.messaging.servicebus.ServiceBusProcessorClient;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.streamvane.ingress.pipeline.EventIngestion;
import io.streamvane.ingress.pipeline.IngestionResult.Ingested;
import io.streamvane.testsupport.TestDatabases;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The starter builds the processor from {@code spring.cloud.azure.servicebus.*} around our listener once the
 * ingress is enabled. Auto-startup is off here: no namespace can be reached from a test.
 */
@SpringBootTest(classes = ServiceBusIngressWiringTest.App.class, properties = {
        "streamvane.ingress.service-bus.enabled=true",
        "spring.cloud.azure.servicebus.connection-string=Endpoint=sb://streamvane-test.servicebus.windows.net/;"
                + "SharedAccessKeyName=test;SharedAccessKey=dGVzdA==",
        "spring.cloud.azure.servicebus.processor.entity-name=genesys-events",
        "spring.cloud.azure.servicebus.processor.entity-type=queue",
        "spring.cloud.azure.servicebus.processor.max-concurrent-calls=4",
        "spring.cloud.azure.servicebus.processor.prefetch-count=5",
        "spring.cloud.azure.servicebus.processor.max-auto-lock-renew-duration=5m",
        "spring.cloud.azure.servicebus.processor.auto-startup=false"})
class ServiceBusIngressWiringTest {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabases.freshMigrated().springProperties().forEach((k, v) -> registry.add(k, () -> v));
    }

    @Autowired
    ApplicationContext context;

    @Test
    void enablingTheIngressBuildsAPeekLockProcessorAroundOurListenerAndItsPause() {
        assertThat(context.getBean(ServiceBusProcessorClient.class).getQueueName()).isEqualTo("genesys-events");
        assertThat(context.getBean(ServiceBusProcessorClient.class).isRunning()).isFalse();
        assertThat(context.getBean(ProcessorPause.class).paused()).isFalse();
        assertThat(context.getBean(CircuitBreaker.class).getName()).isEqualTo("servicebus-store");
    }

    @SpringBootConfiguration
    @EnableAutoConfiguration
    @Import(ServiceBusIngressConfiguration.class)
    static class App {
        @Bean
        EventIngestion eventIngestion() {
            return (body, transport) -> new Ingested(1, 0, List.of(), 0, 0);
        }
    }
}
