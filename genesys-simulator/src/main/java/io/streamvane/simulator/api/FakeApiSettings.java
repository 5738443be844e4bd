package io.streamvane.simulator.api;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.function.Supplier;

/**
 * How the fake API behaves.
 *
 * @param port              0 picks a free port
 * @param clients           OAuth client id to secret
 * @param tokenLifetime     {@code expires_in} of issued tokens; a token is refused after it
 * @param requestsPerMinute budget per OAuth client (Genesys: 300 per client-credentials token per minute)
 * @param clock             wall clock for token expiry, the rate window and outages
 * @param simulationNow     the simulated "now": analytics see only what happened before it, observations show
 *                          the state at it; {@code null} means after the run (everything visible)
 */
public record FakeApiSettings(int port, Map<String, String> clients, Duration tokenLifetime, int requestsPerMinute,
                              Clock clock, Supplier<Instant> simulationNow) {

    public static final String DEFAULT_CLIENT_ID = "streamvane-sim";
    public static final String DEFAULT_CLIENT_SECRET = "streamvane-sim-secret";

    public FakeApiSettings {
        clients = Map.copyOf(clients);
        if (requestsPerMinute <= 0) {
            throw new IllegalArgumentException("requestsPerMinute must be positive");
        }
        if (tokenLifetime.isNegative() || tokenLifetime.isZero()) {
            throw new IllegalArgumentException("tokenLifetime must be positive");
        }
    }

    /** A random port, one client ({@value #DEFAULT_CLIENT_ID}), 24 h tokens, 300 requests per minute. */
    public static FakeApiSettings defaults() {
        return new FakeApiSettings(0, Map.of(DEFAULT_CLIENT_ID, DEFAULT_CLIENT_SECRET), Duration.ofHours(24), 300,
                Clock.systemUTC(), null);
    }

    public FakeApiSettings withPort(int newPort) {
        return new FakeApiSettings(newPort, clients, tokenLifetime, requestsPerMinute, clock, simulationNow);
    }

    public FakeApiSettings withClients(Map<String, String> newClients) {
        return new FakeApiSettings(port, newClients, tokenLifetime, requestsPerMinute, clock, simulationNow);
    }

    public FakeApiSettings withTokenLifetime(Duration lifetime) {
        return new FakeApiSettings(port, clients, lifetime, requestsPerMinute, clock, simulationNow);
    }

    public FakeApiSettings withRequestsPerMinute(int budget) {
        return new FakeApiSettings(port, clients, tokenLifetime, budget, clock, simulationNow);
    }

    public FakeApiSettings withClock(Clock newClock) {
        return new FakeApiSettings(port, clients, tokenLifetime, requestsPerMinute, newClock, simulationNow);
    }

    public FakeApiSettings withSimulationNow(Supplier<Instant> now) {
        return new FakeApiSettings(port, clients, tokenLifetime, requestsPerMinute, clock, now);
    }
}
