package io.streamvane.scheduler.admin;

import java.util.List;

/** The jobs this replica can run and its Genesys client's counters and circuit-breaker state. */
record JobsOverview(List<String> jobs, long genesysRequests, long genesysRetries, long tokenRequests,
        String circuitBreaker) {
}
