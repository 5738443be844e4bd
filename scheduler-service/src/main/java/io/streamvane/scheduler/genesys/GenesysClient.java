package io.streamvane.scheduler.genesys;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.ratelimiter.RateLimiter;
import io.github.resilience4j.ratelimiter.RateLimiterConfig;
import io.github.resilience4j.ratelimiter.RequestNotPermitted;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientResponseException;

/**
 * Every call to the Genesys REST API goes through here: one rate-limiter permit per HTTP attempt (the
 * configured share of the 300/min budget), a bearer token from {@link AccessTokens}, retries that honour
 * {@code Retry-After} (up to {@code maxRetryAfter}) on 429 and back off exponentially on 5xx and I/O errors, and a
 * circuit breaker around the whole so a dead API is not hammered by every job. A URI the API hands back
 * ({@code nextUri}) is followed only on the configured API origin: the bearer token goes nowhere else.
 */
public class GenesysClient {

    private static final Logger log = LoggerFactory.getLogger(GenesysClient.class);

    private final RestClient api;
    private final AccessTokens tokens;
    private final GenesysProperties props;
    private final Clock clock;
    private final Sleeper sleeper;
    private final RateLimiter rateLimiter;
    private final CircuitBreaker circuitBreaker;
    private final AtomicLong calls = new AtomicLong();
    private final AtomicLong retries = new AtomicLong();

    public GenesysClient(GenesysProperties props, Clock clock, Sleeper sleeper) {
        this(props, clock, sleeper, defaultRateLimiter(props), defaultCircuitBreaker());
    }

    public GenesysClient(GenesysProperties props, Clock clock, Sleeper sleeper, RateLimiter rateLimiter,
                         CircuitBreaker circuitBreaker) {
        this.props = props;
        this.clock = clock;
        this.sleeper = sleeper;
        this.rateLimiter = rateLimiter;
        this.circuitBreaker = circuitBreaker;
        HttpClient http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(props.connectTimeout())
                .build();
        JdkClientHttpRequestFactory factory = new JdkClientHttpRequestFactory(http);
        factory.setReadTimeout(props.readTimeout());
        this.api = RestClient.builder().baseUrl(props.apiBaseUrl().toString()).requestFactory(factory).build();
        RestClient login = RestClient.builder().baseUrl(props.loginBaseUrl().toString()).requestFactory(factory).build();
        this.tokens = new AccessTokens(login, props.clientId(), props.clientSecret(), props.tokenRenewBefore(), clock);
    }

    public static RateLimiter defaultRateLimiter(GenesysProperties props) {
        return RateLimiter.of("genesys", RateLimiterConfig.custom()
                .limitForPeriod(props.permittedPerMinute())
                .limitRefreshPeriod(Duration.ofMinutes(1))
                .timeoutDuration(props.rateLimitWait())
                .build());
    }

    public static CircuitBreaker defaultCircuitBreaker() {
        return CircuitBreaker.of("genesys", CircuitBreakerConfig.custom()
                .slidingWindowSize(10)
                .minimumNumberOfCalls(5)
                .failureRateThreshold(50)
                .waitDurationInOpenState(Duration.ofMinutes(1))
                // A 400 is our bug, not an outage: only exhausted transient failures open the breaker.
                .recordException(e -> !(e instanceof GenesysApiException g) || g.status() == 0
                        || g.status() == 429 || g.status() >= 500)
                .build());
    }

    public <T> T post(String path, Object body, Class<T> type) {
        return call("POST " + path, r -> r.post().uri(path).contentType(MediaType.APPLICATION_JSON).body(body),
                spec -> spec.body(type));
    }

    /** GETs a path on the API, or an absolute URI on the API's own origin; any other origin is refused unsent. */
    public <T> T get(String pathOrUri, Class<T> type) {
        URI target = resolve(pathOrUri);
        return call("GET " + pathOrUri, r -> r.get().uri(target), spec -> spec.body(type));
    }

    /** As {@link #get(String, Class)}, for generic types. */
    public <T> T get(String pathOrUri, ParameterizedTypeReference<T> type) {
        URI target = resolve(pathOrUri);
        return call("GET " + pathOrUri, r -> r.get().uri(target), spec -> spec.body(type));
    }

    /**
     * Every entity of a Genesys listing: follows {@code nextUri} until it is absent (some listings, e.g. queue
     * members, carry no totals), falling back to {@code pageNumber + 1} while {@code pageCount} says more exist.
     */
    public <E> List<E> getAllPages(String firstPath, ParameterizedTypeReference<EntityListing<E>> type) {
        List<E> all = new ArrayList<>();
        String next = firstPath;
        int guard = 0;
        while (next != null) {
            if (++guard > 10_000) {
                throw new IllegalStateException("paging did not end: " + firstPath);
            }
            EntityListing<E> page = get(next, type);
            if (page == null || page.entities() == null || page.entities().isEmpty()) {
                break;
            }
            all.addAll(page.entities());
            next = page.nextUri();
            if (next == null && page.pageCount() != null && page.pageNumber() != null
                    && page.pageNumber() < page.pageCount()) {
                next = withPageNumber(firstPath, page.pageNumber() + 1);
            }
        }
        return all;
    }

    /** HTTP requests sent to the API (each attempt counts, retries included; token requests excluded). */
    public long apiCalls() {
        return calls.get();
    }

    public long retries() {
        return retries.get();
    }

    public long tokenRequests() {
        return tokens.requests();
    }

    public RateLimiter rateLimiter() {
        return rateLimiter;
    }

    public CircuitBreaker circuitBreaker() {
        return circuitBreaker;
    }

    private <T> T call(String what, Function<RestClient, RestClient.RequestHeadersSpec<?>> request,
                       Function<RestClient.ResponseSpec, T> read) {
        Supplier<T> withRetries = () -> attempt(what, request, read);
        return circuitBreaker.executeSupplier(withRetries);
    }

    private <T> T attempt(String what, Function<RestClient, RestClient.RequestHeadersSpec<?>> request,
                          Function<RestClient.ResponseSpec, T> read) {
        boolean tokenRefreshed = false;
        for (int attempt = 1; ; attempt++) {
            try {
                RateLimiter.waitForPermission(rateLimiter);
            } catch (RequestNotPermitted e) {
                throw new GenesysApiException(what + ": rate budget exhausted for " + props.rateLimitWait(), 429, e);
            }
            calls.incrementAndGet();
            try {
                String token = tokens.current();
                return read.apply(request.apply(api).header(HttpHeaders.AUTHORIZATION, "Bearer " + token).retrieve());
            } catch (RestClientResponseException e) {
                int status = e.getStatusCode().value();
                if (status == 401 && !tokenRefreshed) {
                    tokens.invalidate();
                    tokenRefreshed = true;
                    continue;
                }
                boolean transient_ = status == 429 || status == 502 || status == 503 || status == 504 || status == 500;
                if (!transient_ || attempt >= props.maxAttempts()) {
                    throw new GenesysApiException(what + " failed with " + status + " after " + attempt + " attempt(s): "
                            + abbreviate(e.getResponseBodyAsString()), status, e);
                }
                int attemptNo = attempt;
                Optional<Duration> retryAfter = retryAfter(e.getResponseHeaders(), clock).map(this::capped);
                Duration wait = status == 429 ? retryAfter.orElse(props.defaultRetryAfter())
                        : retryAfter.orElseGet(() -> backoff(attemptNo));
                pause(what, status, wait);
            } catch (ResourceAccessException e) {
                if (attempt >= props.maxAttempts()) {
                    throw new GenesysApiException(what + " failed after " + attempt + " attempt(s): " + e.getMessage(), 0, e);
                }
                pause(what, 0, backoff(attempt));
            }
        }
    }

    private void pause(String what, int status, Duration wait) {
        retries.incrementAndGet();
        log.info("Genesys {} answered {}; retrying in {}", what, status == 0 ? "I/O error" : status, wait);
        try {
            sleeper.sleep(wait);
        } catch (InterruptedException ie) {
            Thread.currentThread().interrupt();
            throw new GenesysApiException(what + " interrupted while backing off", status, ie);
        }
    }

    private Duration capped(Duration retryAfter) {
        if (retryAfter.compareTo(props.maxRetryAfter()) <= 0) {
            return retryAfter;
        }
        log.warn("Genesys asked to retry after {}; waiting the configured maximum {} instead", retryAfter,
                props.maxRetryAfter());
        return props.maxRetryAfter();
    }

    /** base × 3^(attempt-1), capped: 3 s, 9 s, 27 s, 60 s ... with the defaults, as the Genesys SDK steps. */
    Duration backoff(int attempt) {
        long factor = (long) Math.pow(3, Math.min(attempt - 1, 20));
        Duration d = props.backoffBase().multipliedBy(factor);
        return d.compareTo(props.backoffMax()) > 0 ? props.backoffMax() : d;
    }

    /** {@code Retry-After} as seconds (what Genesys sends) or an HTTP date. */
    static Optional<Duration> retryAfter(HttpHeaders headers, Clock clock) {
        String value = headers == null ? null : headers.getFirst(HttpHeaders.RETRY_AFTER);
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Duration.ofMillis(Math.max(0, (long) (Double.parseDouble(value.trim()) * 1000))));
        } catch (NumberFormatException notSeconds) {
            try {
                ZonedDateTime at = ZonedDateTime.parse(value.trim(), DateTimeFormatter.RFC_1123_DATE_TIME);
                Duration d = Duration.between(clock.instant(), at.toInstant());
                return Optional.of(d.isNegative() ? Duration.ZERO : d);
            } catch (DateTimeParseException e) {
                return Optional.empty();
            }
        }
    }

    /**
     * A path joins the API base; an absolute (or scheme-relative) URI must name the API's own scheme, host and port,
     * since the request carries our bearer token. nextUri arrives already encoded, so it is never re-encoded.
     */
    private URI resolve(String pathOrUri) {
        URI api = props.apiBaseUrl();
        URI u = URI.create(pathOrUri);
        if (u.getScheme() == null && u.getRawAuthority() == null) {
            String base = api.toString().replaceAll("/$", "");
            return URI.create(base + (pathOrUri.startsWith("/") ? "" : "/") + pathOrUri);
        }
        URI target = u.getScheme() == null ? api.resolve(u) : u;
        if (!sameOrigin(target, api)) {
            throw new GenesysApiException("refusing to follow " + pathOrUri + ": not on the configured API host "
                    + api.getScheme() + "://" + api.getRawAuthority(), 0, null);
        }
        return target;
    }

    private static boolean sameOrigin(URI a, URI b) {
        return a.getScheme() != null && a.getScheme().equalsIgnoreCase(b.getScheme())
                && a.getHost() != null && a.getHost().equalsIgnoreCase(b.getHost())
                && a.getRawUserInfo() == null
                && port(a) == port(b);
    }

    private static int port(URI u) {
        if (u.getPort() != -1) {
            return u.getPort();
        }
        return "https".equalsIgnoreCase(u.getScheme()) ? 443 : "http".equalsIgnoreCase(u.getScheme()) ? 80 : -1;
    }

    private static String withPageNumber(String path, int pageNumber) {
        String stripped = path.replaceAll("([?&])pageNumber=\\d+&?", "$1").replaceAll("[?&]$", "");
        return stripped + (stripped.contains("?") ? "&" : "?") + "pageNumber=" + pageNumber;
    }

    private static String abbreviate(String s) {
        return s == null ? "" : s.length() > 300 ? s.substring(0, 300) + "..." : s;
    }
}
