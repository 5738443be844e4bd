package io.streamvane.scheduler.genesys;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.streamvane.scheduler.FakeGenesys;
import java.time.Duration;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class GenesysClientMetersTest {

    private static final Offset<Double> EXACT = Offset.offset(1e-9);

    private final FakeGenesys fake = new FakeGenesys();
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private GenesysClient client;

    @BeforeEach
    void fourPermitsPerMinute() {
        fake.server.stubFor(get(urlPathEqualTo("/api/v2/users")).willReturn(okJson("{\"entities\":[]}")));
        // No waiting, so a call beyond the four permits fails at once instead of waiting for the next minute.
        client = fake.client(fake.properties().withRate(4, 1.0, Duration.ZERO));
        new GenesysClientMeters(client).bindTo(registry);
    }

    @AfterEach
    void stop() {
        fake.close();
    }

    @Test
    void budgetUsedRisesWithEachPermitTakenAndStopsAtOneWhenTheBudgetIsSpent() {
        assertThat(budgetUsed()).isCloseTo(0.0, EXACT);

        client.get("/api/v2/users", String.class);
        assertThat(budgetUsed()).isCloseTo(0.25, EXACT);

        client.get("/api/v2/users", String.class);
        client.get("/api/v2/users", String.class);
        client.get("/api/v2/users", String.class);
        assertThat(budgetUsed()).isCloseTo(1.0, EXACT);
        assertThat(registry.get("streamvane.scheduler.genesys.rate.available").gauge().value()).isZero();

        assertThatThrownBy(() -> client.get("/api/v2/users", String.class)).isInstanceOf(GenesysApiException.class);
        assertThat(budgetUsed()).isCloseTo(1.0, EXACT);
    }

    @Test
    void callersWaitingForTheNextPeriodCountAsAFullyUsedBudgetNotMore() {
        // Reserving beyond the period drives Resilience4j's available permissions below zero.
        client.rateLimiter().reservePermission(4);
        client.rateLimiter().changeTimeoutDuration(Duration.ofMinutes(2));
        client.rateLimiter().reservePermission(3);

        assertThat(client.rateLimiter().getMetrics().getAvailablePermissions()).isNegative();
        assertThat(budgetUsed()).isCloseTo(1.0, EXACT);
    }

    private double budgetUsed() {
        return registry.get("streamvane.scheduler.genesys.budget.used").gauge().value();
    }
}
