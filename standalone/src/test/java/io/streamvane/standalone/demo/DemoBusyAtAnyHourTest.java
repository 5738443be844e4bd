package io.streamvane.standalone.demo;

import static org.assertj.core.api.Assertions.assertThat;

import io.streamvane.simulator.Simulator;
import io.streamvane.simulator.model.SimulationConfig;
import io.streamvane.simulator.truth.GroundTruth;
import io.streamvane.simulator.truth.QueueComponents;
import io.streamvane.simulator.truth.QueueMediaKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.ClassPathResource;
import org.springframework.beans.factory.config.YamlPropertiesFactoryBean;

/**
 * The demo's simulated day at start-up hours across the UTC day, with the demo profile's own settings: the two hours
 * it replays and the hour it then runs live fall in its site's business hours, so there is traffic whatever the
 * wall clock says. Pure simulation (no pipeline), with the demo's clock pinned.
 */
class DemoBusyAtAnyHourTest {

    @ParameterizedTest(name = "started at {0}")
    @ValueSource(strings = {"2026-12-01T03:00:00Z", "2026-12-01T11:00:00Z", "2026-12-01T22:30:00Z",
            "2026-07-01T22:30:00Z", "2026-03-29T00:10:00Z"})
    void theReplayedTwoHoursAndTheLiveHourAreBusy(String startedAt) {
        Instant now = Instant.parse(startedAt);
        DemoSimulation demo = new DemoSimulation(demoProfile(), new StandardEnvironment(),
                Clock.fixed(now, ZoneOffset.UTC));
        SimulationConfig config = demo.simulationConfig();
        GroundTruth truth = Simulator.run(config).groundTruth();

        QueueComponents replayed = across(truth, now.minus(Duration.ofHours(2)), now);
        QueueComponents live = across(truth, now, now.plus(Duration.ofHours(1)));
        ZoneId site = config.profile().siteZone();
        System.out.printf("started %s: site %s (local %s), replayed 2 h offered %d answered %d within SL %d "
                        + "abandoned %d; next hour offered %d%n", now, site, now.atZone(site).toLocalTime(),
                replayed.offered(), replayed.answered(), replayed.answeredWithinSl(), replayed.abandoned(),
                live.offered());

        assertThat(replayed.offered()).isGreaterThanOrEqualTo(150);
        assertThat(live.offered()).isGreaterThanOrEqualTo(75);
        assertThat(now.atZone(site).getHour()).isBetween(11, 14);
    }

    private static QueueComponents across(GroundTruth truth, Instant from, Instant to) {
        QueueComponents sum = QueueComponents.ZERO;
        for (QueueMediaKey key : truth.queueMedia()) {
            sum = sum.plus(truth.queueTotal(key.queueId(), key.mediaType(), from, to));
        }
        return sum;
    }

    /** SimulatorProperties bound from application-demo.yml, as the demo profile starts it. */
    private static SimulatorProperties demoProfile() {
        YamlPropertiesFactoryBean yaml = new YamlPropertiesFactoryBean();
        yaml.setResources(new ClassPathResource("application-demo.yml"));
        return new Binder(new MapConfigurationPropertySource(yaml.getObject()))
                .bindOrCreate("streamvane.simulator", SimulatorProperties.class);
    }
}
