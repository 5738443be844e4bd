package io.streamvane.scheduler.genesys;

import io.streamvane.platform.settings.SettingsBinder;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Connection to one Genesys Cloud organisation ({@code streamvane.scheduler.genesys.*}); defaults in code.
 * {@code environment} is the region's host suffix ({@code mypurecloud.ie}, {@code usw2.pure.cloud}, ...); the API and
 * login hosts derive from it unless given explicitly (tests point both at a fake).
 *
 * @param environment       the region's host suffix
 * @param apiBaseUrl        defaults to {@code https://api.<environment>}
 * @param loginBaseUrl      defaults to {@code https://login.<environment>}
 * @param clientId          OAuth client-credentials client id; nothing in the scheduler starts without it
 * @param clientSecret      its secret
 * @param requestsPerMinute the organisation's token budget
 * @param rateShare         the fraction of {@code requestsPerMinute} this service may spend; the rest stays for other
 *                          integrations on the same OAuth client
 * @param rateLimitWait     how long a request waits for a permit of the rate limiter before it fails
 * @param maxAttempts       attempts per request, the first included
 * @param backoffBase       first wait after a transient failure without {@code Retry-After}, tripled per attempt
 * @param backoffMax        cap of that wait
 * @param defaultRetryAfter the wait after a 429 without {@code Retry-After}
 * @param maxRetryAfter     the longest {@code Retry-After} honoured; a longer one is waited only this long, so one
 *                          answer cannot park a job (and its ShedLock) for a day
 * @param tokenRenewBefore  the OAuth token is renewed this long before it expires
 * @param connectTimeout    HTTP connect timeout
 * @param readTimeout       HTTP read timeout
 */
@Validated
@ConfigurationProperties("streamvane.scheduler.genesys")
public record GenesysProperties(
        @NotBlank @DefaultValue("mypurecloud.com") String environment,
        URI apiBaseUrl,
        URI loginBaseUrl,
        String clientId,
        String clientSecret,
        @Min(1) @DefaultValue("300") int requestsPerMinute,
        @DecimalMin(value = "0", inclusive = false) @DecimalMax("1") @DefaultValue("0.5") double rateShare,
        @NotNull @DurationMin(seconds = 0) @DefaultValue("PT2M") Duration rateLimitWait,
        @Min(1) @DefaultValue("6") int maxAttempts,
        @NotNull @DurationMin(seconds = 0) @DefaultValue("PT3S") Duration backoffBase,
        @NotNull @DurationMin(seconds = 0) @DefaultValue("PT60S") Duration backoffMax,
        @NotNull @DurationMin(seconds = 0) @DefaultValue("PT3S") Duration defaultRetryAfter,
        @NotNull @DurationMin(millis = 1) @DefaultValue("PT5M") Duration maxRetryAfter,
        @NotNull @DurationMin(seconds = 0) @DefaultValue("PT5M") Duration tokenRenewBefore,
        @NotNull @DurationMin(millis = 1) @DefaultValue("PT10S") Duration connectTimeout,
        @NotNull @DurationMin(millis = 1) @DefaultValue("PT60S") Duration readTimeout) {

    public GenesysProperties {
        // Derived from the environment, so not a fixed default.
        apiBaseUrl = apiBaseUrl == null ? URI.create("https://api." + environment) : apiBaseUrl;
        loginBaseUrl = loginBaseUrl == null ? URI.create("https://login." + environment) : loginBaseUrl;
    }

    @AssertTrue(message = "max-retry-after must be at least default-retry-after")
    boolean isRetryAfterSane() {
        return maxRetryAfter == null || defaultRetryAfter == null || defaultRetryAfter.compareTo(maxRetryAfter) <= 0;
    }

    /** Requests per minute this service may make: the configured share of the organisation budget, at least one. */
    public int permittedPerMinute() {
        return Math.max(1, (int) Math.floor(requestsPerMinute * rateShare));
    }

    /** Defaults everywhere, for tests and the fake API: both hosts at {@code base}. */
    public static GenesysProperties forBaseUrl(URI base, String clientId, String clientSecret) {
        return SettingsBinder.bind(GenesysProperties.class, Map.of("api-base-url", base.toString(),
                "login-base-url", base.toString(), "client-id", clientId, "client-secret", clientSecret));
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
