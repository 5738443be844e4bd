package io.streamvane.platform.security;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * What a credential may do. {@code admin} implies the other two, so an operator key need not list them all.
 */
public enum Scope {
    READ,
    INGEST,
    ADMIN;

    /** The Spring Security authority a holder of this scope gets ({@code SCOPE_read}, as JWT scopes are named). */
    public String authority() {
        return "SCOPE_" + name().toLowerCase(Locale.ROOT);
    }

    /** This scope and every scope it implies. */
    public Set<Scope> implied() {
        return this == ADMIN ? EnumSet.allOf(Scope.class) : EnumSet.of(this);
    }

    /**
     * Reads {@code read}, {@code READ} or a qualified app-role name such as {@code Streamvane.Read} (Entra ID app
     * roles are often dotted); anything else is not a Streamvane scope.
     */
    public static Optional<Scope> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String t = text.trim();
        String last = t.substring(t.lastIndexOf('.') + 1).toUpperCase(Locale.ROOT);
        return Arrays.stream(values()).filter(s -> s.name().equals(last)).findFirst();
    }
}
