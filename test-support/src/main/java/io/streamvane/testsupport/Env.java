package io.streamvane.testsupport;

import java.util.Optional;

/** Settings from the environment (or same-named system properties, which win). */
final class Env {

    private Env() {
    }

    static String get(String name, String fallback) {
        return find(name).orElse(fallback);
    }

    static Optional<String> find(String name) {
        String value = System.getProperty(name);
        if (value == null) {
            value = System.getenv(name);
        }
        return Optional.ofNullable(value);
    }

    /** STREAMVANE_TEST_BACKEND=container|local|embedded forces a backend; absent means choose automatically. */
    static Optional<Backend> forcedBackend() {
        return find("STREAMVANE_TEST_BACKEND")
                .filter(s -> !s.isBlank())
                .map(s -> Backend.valueOf(s.trim().toUpperCase(java.util.Locale.ROOT)));
    }
}
