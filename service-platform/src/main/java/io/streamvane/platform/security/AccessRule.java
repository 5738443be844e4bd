package io.streamvane.platform.security;

import java.util.Objects;
import java.util.Set;
import org.springframework.http.HttpMethod;

/**
 * Requests matching {@code pattern} (a Spring path pattern such as {@code /api/v1/**}) and, when set,
 * {@code method} need {@code scope}. A {@code GET} rule also covers {@code HEAD} and {@code OPTIONS} of the same paths:
 * both answer about the resource a GET reads (its headers, its ETag, whether it exists), so they need what GET needs.
 *
 * @param method null for every method
 */
public record AccessRule(HttpMethod method, String pattern, Scope scope) {

    private static final Set<HttpMethod> READ_METHODS = Set.of(HttpMethod.GET, HttpMethod.HEAD, HttpMethod.OPTIONS);

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

    /** The methods this rule names: empty for every method; GET brings HEAD and OPTIONS with it. */
    public Set<HttpMethod> methods() {
        if (method == null) {
            return Set.of();
        }
        return HttpMethod.GET.equals(method) ? READ_METHODS : Set.of(method);
    }

    /** Whether a request with {@code requestMethod} is covered by this rule's methods (its path aside). */
    public boolean covers(HttpMethod requestMethod) {
        return method == null || methods().contains(requestMethod);
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
