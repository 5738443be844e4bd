package io.streamvane.ingress.servicebus;

import com.azure.messaging.servicebus.ServiceBusClientBuilder.ServiceBusProcessorClientBuilder;
import com.azure.messaging.servicebus.ServiceBusClientBuilder.ServiceBusSessionProcessorClientBuilder;
import com.azure.messaging.servicebus.ServiceBusProcessorClient;
import com.azure.messaging.servicebus.models.ServiceBusReceiveMode;
import com.azure.spring.cloud.core.customizer.AzureServiceClientBuilderCustomizer;
import com.azure.spring.cloud.service.servicebus.consumer.ServiceBusErrorHandler;
import com.azure.spring.cloud.service.servicebus.consumer.ServiceBusRecordMessageListener;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.micrometer.core.instrument.MeterRegistry;
import io.streamvane.ingress.pipeline.EventIngestion;
import io.streamvane.ingress.pipeline.StoreUnavailableException;
import java.time.Duration;
import java.util.concurrent.Executors;
import javax.sql.DataSource;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Wires the Service Bus ingress when {@code streamvane.ingress.service-bus.enabled=true}. The spring-cloud-azure
 * starter builds the {@link ServiceBusProcessorClient} (and starts it with the context) as soon as our listener
 * and error handler beans exist and {@code spring.cloud.azure.servicebus.processor.entity-name} is set.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "streamvane.ingress.service-bus.enabled", havingValue = "true")
@EnableConfigurationProperties(ServiceBusIngressProperties.class)
class ServiceBusIngressConfiguration {

    /**
     * Defaults when {@code resilience4j.circuitbreaker.instances.<name>} is not configured: open after 5 store
     * failures out of the last 10 messages. The wait in open state is long because the store probe, not the
     * timer, is what lets messages through again.
     */
    static final CircuitBreakerConfig DEFAULT_BREAKER = CircuitBreakerConfig.custom()
            .slidingWindowType(CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
            .slidingWindowSize(10)
            .minimumNumberOfCalls(5)
            .failureRateThreshold(50)
            .permittedNumberOfCallsInHalfOpenState(3)
            .waitDurationInOpenState(Duration.ofMinutes(5))
            .recordExceptions(StoreUnavailableException.class)
            .build();

    @Bean
    CircuitBreaker serviceBusStoreBreaker(ServiceBusIngressProperties properties,
                                          ObjectProvider<CircuitBreakerRegistry> registry) {
        CircuitBreakerRegistry breakers = registry.getIfAvailable(CircuitBreakerRegistry::ofDefaults);
        return breakers.find(properties.breakerName())
                .orElseGet(() -> breakers.circuitBreaker(properties.breakerName(), DEFAULT_BREAKER));
    }

    @Bean
    StoreGate serviceBusStoreGate(CircuitBreaker serviceBusStoreBreaker) {
        return new StoreGate(serviceBusStoreBreaker);
    }

    @Bean
    ServiceBusRecordMessageListener serviceBusIngressListener(EventIngestion ingestion, StoreGate serviceBusStoreGate,
                                                              CircuitBreaker serviceBusStoreBreaker,
                                                              MeterRegistry meters) {
        return new ServiceBusIngressListener(ingestion, serviceBusStoreGate, serviceBusStoreBreaker, meters);
    }

    @Bean
    ServiceBusErrorHandler serviceBusIngressErrorHandler(MeterRegistry meters) {
        return new ServiceBusErrorLogger(meters);
    }

    /** We settle every message ourselves after the commit: auto-complete or receive-and-delete would lose events. */
    @Bean
    AzureServiceClientBuilderCustomizer<ServiceBusProcessorClientBuilder> serviceBusPeekLockCustomizer() {
        return builder -> builder.receiveMode(ServiceBusReceiveMode.PEEK_LOCK).disableAutoComplete();
    }

    @Bean
    AzureServiceClientBuilderCustomizer<ServiceBusSessionProcessorClientBuilder> serviceBusSessionPeekLockCustomizer() {
        return builder -> builder.receiveMode(ServiceBusReceiveMode.PEEK_LOCK).disableAutoComplete();
    }

    @Bean(destroyMethod = "close")
    ProcessorPause serviceBusProcessorPause(CircuitBreaker serviceBusStoreBreaker, StoreGate serviceBusStoreGate,
                                            ServiceBusProcessorClient processor, DataSource dataSource,
                                            ServiceBusIngressProperties properties, MeterRegistry meters) {
        return new ProcessorPause(serviceBusStoreBreaker, ProcessorSwitch.of(processor), serviceBusStoreGate,
                new JdbcStoreProbe(JdbcClient.create(dataSource)), properties.storeProbeInterval(),
                properties.drainTimeout(),
                Executors.newSingleThreadScheduledExecutor(r -> new Thread(r, "servicebus-processor-pause")), meters);
    }
}
