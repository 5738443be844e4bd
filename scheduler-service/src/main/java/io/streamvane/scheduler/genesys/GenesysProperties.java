package io.streamvane.scheduler.genesys;

import java.net.URI;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Connection to one Genesys Cloud organisation. {@code environment} is the region's host suffix
 * ({@code mypurecloud.ie}, {@code usw2.pure.cloud}, ...); the API and login hosts derive from it unless given
 * explicitly (tests point both at a fake).
 *
 * @param rateShare     the fraction of {@code requestsPerMinute} this service may spend; the rest stays for other
 *                      integrations on the same OAuth client
 * @param maxRetryAfter the longest {@code Retry-After} honoured; a longer one is waited only this long, so one
 *                      answer cannot park a job (and its ShedLock) for a day
 */
@ConfigurationProperties("streamvane.scheduler.genesys")
public record GenesysProperties(
        String environment,
        URI apiBaseUrl,
        URI loginBaseUrl,
        String clientId,
        String clientSecret,
        Integer requestsPerMinute,
        Double rateShare,
        Duration rateLimitWait,
        Integer maxAttempts,
        Duration backoffBase,
        Duration backoffMax,
        Duration defaultRetryAfter,
        Duration maxRetryAfter,
        Duration tokenRenewBefore,
        Duration connectTimeout,
        Duration readTimeout) {

    public GenesysProperties {
        environment = environment == null ? "mypurecloud.com" : environment;
        apiBaseUrl = apiBaseUrl == null ? URI.create("https://api." + environment) : apiBaseUrl;
        loginBaseUrl = loginBaseUrl == null ? URI.create("https://login." + environment) : loginBaseUrl;
        requestsPerMinute = requestsPerMinute == null ? 300 : requestsPerMinute;
        rateShare = rateShare == null ? 0.5 : rateShare;
        rateLimitWait = rateLimitWait == null ? Duration.ofMinutes(2) : rateLimitWait;
        maxAttempts = maxAttempts == null ? 6 : maxAttempts;
        backoffBase = backoffBase == null ? Duration.ofSeconds(3) : backoffBase;
        backoffMax = backoffMax == null ? Duration.ofSeconds(60) : backoffMax;
        defaultRetryAfter = defaultRetryAfter == null ? Duration.ofSeconds(3) : defaultRetryAfter;
        maxRetryAfter = maxRetryAfter == null ? Duration.ofMinutes(5) : maxRetryAfter;
        tokenRenewBefore = tokenRenewBefore == null ? Duration.ofMinutes(5) : tokenRenewBefore;
        connectTimeout = connectTimeout == null ? Duration.ofSeconds(10) : connectTimeout;
        readTimeout = readTimeout == null ? Duration.ofSeconds(60) : readTimeout;
        if (rateShare <= 0 || rateShare > 1) {
            throw new IllegalArgumentException("streamvane.scheduler.genesys.rate-share must be in (0, 1]: " + rateShare);
        }
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("streamvane.scheduler.genesys.max-attempts must be >= 1");
        }
        if (maxRetryAfter.isNegative() || maxRetryAfter.isZero() || defaultRetryAfter.compareTo(maxRetryAfter) > 0) {
            throw new IllegalArgumentException("streamvane.scheduler.genesys.max-retry-after must be positive and at "
                    + "least default-retry-after (" + defaultRetryAfter + "): " + maxRetryAfter);
        }
    }

    /** Requests per minute this service may make: the configured share of the organisation budget, at least one. */
    public int permittedPerMinute() {
        return Math.max(1, (int) Math.floor(requestsPerMinute * rateShare));
    }

    /** Defaults everywhere, for tests and the fake API: both hosts at {@code base}. */
    public static GenesysProperties forBaseUrl(URI base, String clientId, String clientSecret) {
        return new GenesysProperties(null, base, base, clientId, clientSecret,
                null, null, null, null, null, null, null, null, null, null, null);
    }

    public GenesysProperties withRate(int requestsPerMinute, double rateShare, Duration rateLimitWait) {
        return new GenesysProperties(environment, apiBaseUrl, loginBaseUrl, clientId, clientSecret, requestsPerMinute,
                rateShare, rateLimitWait, maxAttempts, backoffBase, backoffMax, defaultRetryAfter, maxRetryAfter,
                tokenRenewBefore, connectTimeout, readTimeout);
    }

    public GenesysProperties withTokenRenewBefore(Duration renewBefore) {
        return new GenesysProperties(environment, apiBaseUrl, loginBaseUrl, clientId, clientSecret, requestsPerMinute,
                rateShare, rateLimitWait, maxAttempts, backoffBase, backoffMax, defaultRetryAfter, maxRetryAfter,
                renewBefore, connectTimeout, readTimeout);
    }

    public GenesysProperties withMaxAttempts(int attempts) {
        return new GenesysProperties(environment, apiBaseUrl, loginBaseUrl, clientId, clientSecret, requestsPerMinute,
                rateShare, rateLimitWait, attempts, backoffBase, backoffMax, defaultRetryAfter, maxRetryAfter,
                tokenRenewBefore, connectTimeout, readTimeout);
    }
}
