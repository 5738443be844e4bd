package io.streamvane.standalone.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

class DemoGenesysEnvironmentTest {

    private static StandardEnvironment environment(Map<String, Object> properties) {
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().addFirst(new MapPropertySource("test", properties));
        new DemoGenesysEnvironment().postProcessEnvironment(environment, new SpringApplication());
        return environment;
    }

    @Test
    void withTheSimulatorOnTheSchedulerGetsAGeneratedClientAndAFreePortOfTheFakeApi() {
        StandardEnvironment env = environment(Map.of("streamvane.simulator.enabled", "true"));

        int port = env.getProperty("streamvane.simulator.api-port", Integer.class);
        assertThat(port).isPositive();
        assertThat(env.getProperty("streamvane.scheduler.genesys.api-base-url")).isEqualTo("http://localhost:" + port);
        assertThat(env.getProperty("streamvane.scheduler.genesys.login-base-url")).isEqualTo("http://localhost:" + port);
        assertThat(env.getProperty("streamvane.scheduler.genesys.client-id"))
                .isEqualTo(env.getProperty("streamvane.simulator.api-client-id")).startsWith("streamvane-demo-");
        assertThat(env.getProperty("streamvane.scheduler.genesys.client-secret"))
                .isEqualTo(env.getProperty("streamvane.simulator.api-client-secret")).hasSize(48);
    }

    @Test
    void eachStartGeneratesOtherCredentials() {
        Map<String, Object> demo = Map.of("streamvane.simulator.enabled", "true");

        assertThat(environment(demo).getProperty("streamvane.simulator.api-client-secret"))
                .isNotEqualTo(environment(demo).getProperty("streamvane.simulator.api-client-secret"));
    }

    @Test
    void aConfiguredPortAndClientAreKept() {
        StandardEnvironment env = environment(Map.of("streamvane.simulator.enabled", "true",
                "streamvane.simulator.api-port", "18123",
                "streamvane.simulator.api-client-id", "my-client",
                "streamvane.simulator.api-client-secret", "my-secret"));

        assertThat(env.getProperty("streamvane.scheduler.genesys.api-base-url")).isEqualTo("http://localhost:18123");
        assertThat(env.getProperty("streamvane.scheduler.genesys.client-id")).isEqualTo("my-client");
        assertThat(env.getProperty("streamvane.scheduler.genesys.client-secret")).isEqualTo("my-secret");
    }

    @Test
    void aConfiguredGenesysClientKeepsTheSchedulerOnItsOwnOrganisation() {
        StandardEnvironment env = environment(Map.of("streamvane.simulator.enabled", "true",
                "streamvane.scheduler.genesys.client-id", "real-client",
                "streamvane.scheduler.genesys.environment", "mypurecloud.ie"));

        assertThat(env.getProperty("streamvane.scheduler.genesys.client-id")).isEqualTo("real-client");
        assertThat(env.getProperty("streamvane.scheduler.genesys.api-base-url")).isNull();
        assertThat(env.getProperty("streamvane.simulator.api-client-secret")).hasSize(48);
    }

    @Test
    void withoutTheSimulatorNothingIsAdded() {
        StandardEnvironment env = environment(Map.of());

        assertThat(env.getProperty("streamvane.scheduler.genesys.client-id")).isNull();
        assertThat(env.getProperty("streamvane.simulator.api-port")).isNull();
    }
}
