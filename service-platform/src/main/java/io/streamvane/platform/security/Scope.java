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

    /** The app-role qualifier Entra app registrations use for Streamvane's roles. */
    static final String QUALIFIER = "Streamvane.";

    /**
     * Reads {@code read}, {@code READ} or the qualified app-role name {@code Streamvane.Read} (Entra ID app roles are
     * often dotted); anything else, {@code Reports.Admin} included, is not a Streamvane scope.
     */
    public static Optional<Scope> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String t = text.trim();
        // Exactly a scope or Streamvane.<Scope>: "Reports.Admin" is some other application's admin, not ours.
        String name = t.regionMatches(true, 0, QUALIFIER, 0, QUALIFIER.length()) ? t.substring(QUALIFIER.length()) : t;
        return Arrays.stream(values()).filter(s -> s.name().equalsIgnoreCase(name)).findFirst();
    }
}
