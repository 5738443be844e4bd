package io.streamvane.egress.powerbi;

import io.streamvane.egress.delivery.SinkProvider;
import java.net.http.HttpClient;
import java.time.Clock;
import java.util.List;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The Power BI push sink, on with streamvane.egress.powerbi.enabled=true. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(PowerBiProperties.class)
@ConditionalOnProperty(prefix = "streamvane.egress.powerbi", name = "enabled", havingValue = "true")
class PowerBiConfiguration {

    @Bean
    SinkProvider powerBiSink(PowerBiProperties props, Clock clock) {
        PowerBiSink sink = new PowerBiSink(props, HttpClient.newHttpClient(), clock);
        return () -> List.of(sink);
    }
}
