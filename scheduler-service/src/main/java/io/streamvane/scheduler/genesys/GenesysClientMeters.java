package io.streamvane.scheduler.genesys;

import io.github.resilience4j.ratelimiter.RateLimiter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;

/** The Genesys client in numbers: calls, retries, token requests, and how much of its rate budget is spent. */
public final class GenesysClientMeters implements MeterBinder {

    private final GenesysClient client;

    public GenesysClientMeters(GenesysClient client) {
        this.client = client;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        registry.gauge("streamvane.scheduler.genesys.requests", client, GenesysClient::apiCalls);
        registry.gauge("streamvane.scheduler.genesys.retries", client, GenesysClient::retries);
        registry.gauge("streamvane.scheduler.genesys.token.requests", client, GenesysClient::tokenRequests);
        registry.gauge("streamvane.scheduler.genesys.rate.available", client,
                c -> c.rateLimiter().getMetrics().getAvailablePermissions());
        Gauge.builder("streamvane.scheduler.genesys.budget.used", client, c -> budgetUsed(c.rateLimiter()))
                .description("Share of the scheduler's Genesys rate budget used this period (0-1)")
                .register(registry);
    }

    /**
     * Permits taken this period over permits per period. Resilience4j reports the permissions of the current
     * period (so the gauge falls back when a new one starts); they go negative while callers wait for the next
     * period, which is a fully used budget, hence the clamp.
     */
    static double budgetUsed(RateLimiter limiter) {
        double perPeriod = limiter.getRateLimiterConfig().getLimitForPeriod();
        double available = Math.max(0, limiter.getMetrics().getAvailablePermissions());
        return Math.min(1, Math.max(0, 1 - available / perPeriod));
    }
}
