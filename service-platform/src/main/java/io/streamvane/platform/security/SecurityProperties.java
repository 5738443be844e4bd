package io.streamvane.platform.security;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.http.HttpMethod;

/**
 * {@code streamvane.security.*}: the API keys that may call, paths anyone may call, and extra endpoint-to-scope
 * rules beside those the services contribute as {@link AccessRules} beans.
 *
 * @param apiKeys     accepted keys; prefer {@code key-hash} (hex SHA-256 of the key) so the plain key is in no file
 * @param publicPaths path patterns needing no credentials (health probes, the wallboard page)
 * @param accessRules additional rules from configuration
 * @param jwkSetTimeout connect and read timeout for fetching the JWT signing keys (Spring Security's own is 500 ms,
 *                    which a busy identity provider or node misses, and every token check then fails); 5 s if unset
 */
@ConfigurationProperties("streamvane.security")
public record SecurityProperties(List<ApiKey> apiKeys, List<String> publicPaths, List<Rule> accessRules,
        Duration jwkSetTimeout) {

    public static final Duration DEFAULT_JWK_SET_TIMEOUT = Duration.ofSeconds(5);

    public static final List<String> DEFAULT_PUBLIC_PATHS =
            List.of("/actuator/health", "/actuator/health/**", "/", "/index.html", "/wallboard/**", "/error");

    public SecurityProperties {
        apiKeys = apiKeys == null ? List.of() : List.copyOf(apiKeys);
        publicPaths = publicPaths == null ? DEFAULT_PUBLIC_PATHS : List.copyOf(publicPaths);
        accessRules = accessRules == null ? List.of() : List.copyOf(accessRules);
        jwkSetTimeout = jwkSetTimeout == null ? DEFAULT_JWK_SET_TIMEOUT : jwkSetTimeout;
    }

    /**
     * One accepted key. Exactly one of {@code key} and {@code keyHash} is set; a plain key is hashed at startup and
     * never kept or logged.
     *
     * @param name   a label for logs and audit (never the key)
     * @param scopes read, ingest, admin (admin implies the others)
     */
    public record ApiKey(String name, String key, String keyHash, List<String> scopes) {

        public ApiKey {
            scopes = scopes == null ? List.of() : List.copyOf(scopes);
        }

        @Override
        public String toString() {
            return "ApiKey[name=" + name + ", scopes=" + scopes + "]";
        }
    }

    /** A configured {@link AccessRule}: {@code method} may be empty for every method. */
    public record Rule(HttpMethod method, String pattern, String scope) {

        AccessRule toAccessRule() {
            Scope s = Scope.parse(scope)
                    .orElseThrow(() -> new IllegalArgumentException("unknown scope '" + scope + "' for " + pattern));
            return new AccessRule(method, pattern, s);
        }
    }
}
