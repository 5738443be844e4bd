package io.streamvane.platform.security;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import java.util.List;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.http.HttpMethod;
import org.springframework.validation.annotation.Validated;

/**
 * {@code streamvane.security.*}: the API keys that may call, paths anyone may call, and extra endpoint-to-scope
 * rules beside those the services contribute as {@link AccessRules} beans; defaults in code.
 *
 * @param apiKeys     accepted keys; prefer {@code key-hash} (hex SHA-256 of the key) so the plain key is in no file
 * @param publicPaths path patterns needing no credentials (health probes, the wallboard page)
 * @param accessRules additional rules from configuration
 * @param acceptAnyJwtIssuer start without {@code spring.security.oauth2.resourceserver.jwt.issuer-uri}, accepting
 *                    tokens of every tenant (a multi-tenant app); otherwise a service with JWTs and no issuer refuses
 *                    to start
 * @param failedAuthentication how many refused credentials one client address may send per window before all its
 *                    requests are answered 429 until the window ends
 * @param jwkSetTimeout connect and read timeout for fetching the JWT signing keys (Spring Security's own is 500 ms,
 *                    which a busy identity provider or node misses, and every token check then fails)
 */
@Validated
@ConfigurationProperties("streamvane.security")
public record SecurityProperties(
        @NotNull @DefaultValue List<@Valid ApiKey> apiKeys,
        @NotNull @DefaultValue({"/actuator/health", "/actuator/health/**", "/", "/index.html", "/wallboard/**",
                "/error"}) List<String> publicPaths,
        @NotNull @DefaultValue List<@Valid Rule> accessRules,
        @DefaultValue("false") boolean acceptAnyJwtIssuer,
        @NotNull @DefaultValue @Valid FailedAuthentication failedAuthentication,
        @NotNull @DurationMin(millis = 1) @DefaultValue("5s") Duration jwkSetTimeout) {

    public SecurityProperties {
        apiKeys = List.copyOf(apiKeys);
        publicPaths = List.copyOf(publicPaths);
        accessRules = List.copyOf(accessRules);
    }

    /**
     * One accepted key. Exactly one of {@code key} and {@code keyHash} is set ({@link ApiKeyStore} says which key
     * breaks that); a plain key is hashed at startup and never kept or logged.
     *
     * @param name   a label for logs and audit (never the key)
     * @param scopes read, ingest, admin (admin implies the others)
     */
    public record ApiKey(String name, String key, String keyHash, @NotNull @DefaultValue List<String> scopes) {

        public ApiKey {
            scopes = List.copyOf(scopes);
        }

        @Override
        public String toString() {
            return "ApiKey[name=" + name + ", scopes=" + scopes + "]";
        }
    }

    /** {@code failed-authentication.*}: 20 refused credentials per address per minute by default. */
    public record FailedAuthentication(@Min(1) @DefaultValue("20") int maxFailures,
            @NotNull @DurationMin(seconds = 1) @DefaultValue("1m") Duration window) {
    }

    /** A configured {@link AccessRule}: {@code method} may be empty for every method. */
    public record Rule(HttpMethod method, @NotBlank String pattern, @NotBlank String scope) {

        AccessRule toAccessRule() {
            Scope s = Scope.parse(scope)
                    .orElseThrow(() -> new IllegalArgumentException("unknown scope '" + scope + "' for " + pattern));
            return new AccessRule(method, pattern, s);
        }
    }
}
