package io.streamvane.ingress.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.streamvane.ingress.servicebus.ServiceBusIngressProperties;
import io.streamvane.ingress.websocket.GenesysWebsocketProperties;
import io.streamvane.platform.settings.SettingsCheckAutoConfiguration;
import io.streamvane.platform.settings.UnknownSettingsException;
import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.unit.DataSize;

class IngressSettingsTest {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(SettingsCheckAutoConfiguration.class))
            .withUserConfiguration(Settings.class);

    @Test
    void everySettingBindsWithTheDefaultTheReadmeLists() {
        runner.run(context -> {
            assertThat(context).hasNotFailed();
            IngressProperties ingress = context.getBean(IngressProperties.class);
            assertThat(ingress.maxBodySize()).isEqualTo(DataSize.ofMegabytes(1));
            assertThat(ingress.maxBatchItems()).isEqualTo(10_000);
            assertThat(ingress.maxNestingDepth()).isEqualTo(64);
            assertThat(ingress.maxClockSkew()).isEqualTo(Duration.ofMinutes(2));
            assertThat(ingress.rawRetention()).isEqualTo(Duration.ofDays(35));
            assertThat(ingress.partitions()).isEqualTo(new IngressProperties.Partitions(true, Duration.ofDays(14),
                    Duration.ofHours(1), Duration.ofSeconds(10)));
            assertThat(ingress.storeRetryAfter()).isEqualTo(Duration.ofSeconds(5));

            assertThat(context.getBean(ServiceBusIngressProperties.class))
                    .isEqualTo(new ServiceBusIngressProperties(false, "servicebus-store", Duration.ofSeconds(5),
                            Duration.ofSeconds(30)));

            GenesysWebsocketProperties websocket = context.getBean(GenesysWebsocketProperties.class);
            assertThat(websocket.enabled()).isFalse();
            assertThat(websocket.apiBaseUri()).isEqualTo(URI.create("https://api.mypurecloud.com"));
            assertThat(websocket.loginBaseUri()).isEqualTo(URI.create("https://login.mypurecloud.com"));
            assertThat(websocket.queueIds()).isEmpty();
            assertThat(websocket.topicsPerChannel()).isEqualTo(1000);
            assertThat(websocket.pingInterval()).isEqualTo(Duration.ofSeconds(30));
            assertThat(websocket.silenceTimeout()).isEqualTo(Duration.ofSeconds(75));
            assertThat(websocket.rotateBeforeExpiry()).isEqualTo(Duration.ofMinutes(30));
            assertThat(websocket.reconnectBackoff()).isEqualTo(Duration.ofSeconds(1));
            assertThat(websocket.maxReconnectBackoff()).isEqualTo(Duration.ofMinutes(1));
            assertThat(websocket.tokenRenewBefore()).isEqualTo(Duration.ofMinutes(5));
        });
    }

    @Test
    void theDerivedHostsFollowTheEnvironment() {
        runner.withPropertyValues("streamvane.ingress.genesys-websocket.environment=mypurecloud.ie").run(context ->
                assertThat(context.getBean(GenesysWebsocketProperties.class).apiBaseUri())
                        .isEqualTo(URI.create("https://api.mypurecloud.ie")));
    }

    @Test
    void theMigrationSwitchReadOnlyByAConditionIsADeclaredKey() {
        runner.withPropertyValues("streamvane.migration.exit-after-migrate=false").run(context ->
                assertThat(context).hasNotFailed());
    }

    @Test
    void aMisspeltKeyUnderASharedPrefixFailsTheStart() {
        runner.withPropertyValues("streamvane.ingress.service-buss.enabled=true").run(context ->
                assertThat(context.getStartupFailure()).isInstanceOf(UnknownSettingsException.class)
                        .hasMessageContaining("streamvane.ingress.service-buss.enabled"));
    }

    @Test
    void anOutOfRangeValueFailsTheStartNamingTheSetting() {
        runner.withPropertyValues("streamvane.ingress.service-bus.store-probe-interval=0s").run(context ->
                assertThat(context.getStartupFailure()).rootCause()
                        .hasMessageContaining("streamvane.ingress.service-bus")
                        .hasMessageContaining("storeProbeInterval"));
    }

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties({IngressProperties.class, ServiceBusIngressProperties.class,
            GenesysWebsocketProperties.class})
    static class Settings {
    }
}
