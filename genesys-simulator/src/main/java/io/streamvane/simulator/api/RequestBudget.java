package io.streamvane.simulator.api;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** A fixed one-minute window per client; past the budget, 429 with Retry-After in whole seconds. */
final class RequestBudget {

    private static final long WINDOW_MS = Duration.ofMinutes(1).toMillis();

    private final int perMinute;
    private final Clock clock;
    private final Map<String, long[]> windows = new ConcurrentHashMap<>();

    RequestBudget(int perMinute, Clock clock) {
        this.perMinute = perMinute;
        this.clock = clock;
    }

    void spend(String clientId) {
        long now = clock.millis();
        long[] window = windows.computeIfAbsent(clientId, id -> new long[] {now, 0});
        synchronized (window) {
            if (now - window[0] >= WINDOW_MS) {
                window[0] = now;
                window[1] = 0;
            }
            if (window[1] >= perMinute) {
                long retryAfter = Math.max(1, (window[0] + WINDOW_MS - now + 999) / 1000);
                throw new ApiError(429, "too.many.requests",
                        "Rate limit exceeded the maximum. [" + perMinute + "] requests for [60] seconds",
                        Map.of("Retry-After", Long.toString(retryAfter)));
            }
            window[1]++;
        }
    }
}
