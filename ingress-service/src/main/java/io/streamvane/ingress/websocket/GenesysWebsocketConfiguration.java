package io.streamvane.ingress.websocket;

import io.micrometer.core.instrument.MeterRegistry;
import io.streamvane.ingress.pipeline.EventIngestion;
import java.time.Clock;
import javax.sql.DataSource;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.client.RestClient;

/** Wires the websocket ingress when {@code streamvane.ingress.genesys-websocket.enabled=true}. */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "streamvane.ingress.genesys-websocket.enabled", havingValue = "true")
@EnableConfigurationProperties(GenesysWebsocketProperties.class)
class GenesysWebsocketConfiguration {

    @Bean
    GenesysWebsocketIngress genesysWebsocketIngress(GenesysWebsocketProperties settings, EventIngestion ingestion,
                                                    DataSource dataSource, RestClient.Builder rest,
                                                    MeterRegistry meters, Clock clock) {
        if (settings.clientId() == null || settings.clientSecret() == null) {
            throw new IllegalStateException("streamvane.ingress.genesys-websocket.client-id and client-secret are "
                    + "required when the websocket ingress is enabled");
        }
        var jdbc = JdbcClient.create(dataSource);
        var tokens = new ClientCredentialsTokens(rest.clone(), settings.loginBaseUri(), settings.clientId(),
                settings.clientSecret(), settings.tokenRenewBefore(), clock);
        var api = new NotificationsClient(rest.clone(), settings.apiBaseUri(), tokens);
        return new GenesysWebsocketIngress(new TopicSource(settings, jdbc), api, ingestion, new GapRecorder(jdbc),
                settings, clock, meters);
    }
}
