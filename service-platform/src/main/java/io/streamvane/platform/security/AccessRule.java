package io.streamvane.platform.security;

import java.util.Objects;
import org.springframework.http.HttpMethod;

/**
 * Requests matching {@code pattern} (a Spring path pattern such as {@code /api/v1/**}) and, when set,
 * {@code method} need {@code scope}.
 *
 * @param method null for every method
 */
public record AccessRule(HttpMethod method, String pattern, Scope scope) {

    public AccessRule {
        Objects.requireNonNull(pattern, "pattern");
        Objects.requireNonNull(scope, "scope");
        if (!pattern.startsWith("/")) {
            throw new IllegalArgumentException("access rule pattern must start with '/': " + pattern);
        }
    }

    public static AccessRule any(String pattern, Scope scope) {
        return new AccessRule(null, pattern, scope);
    }

    public static AccessRule of(HttpMethod method, String pattern, Scope scope) {
        return new AccessRule(Objects.requireNonNull(method, "method"), pattern, scope);
    }

    /**
     * Rules are tried most specific first, whichever service contributed them: a longer literal prefix wins
     * ({@code /api/v1/admin/**} before {@code /api/v1/**}), then a rule naming a method beats one that does not.
     */
    int specificity() {
        int wildcard = pattern.indexOf('*');
        int literal = wildcard < 0 ? pattern.length() + 1 : wildcard;
        return literal * 2 + (method != null ? 1 : 0);
    }
}
