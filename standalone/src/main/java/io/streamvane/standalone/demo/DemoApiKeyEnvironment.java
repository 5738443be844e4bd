package io.streamvane.standalone.demo;

import java.security.SecureRandom;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.Environment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.PropertySource;
import org.springframework.util.StringUtils;

/**
 * With the demo on, makes sure the simulator has an API key ({@code streamvane.simulator.api-key}) and, when no
 * {@code streamvane.security.api-keys} are configured, registers that key with admin scope so the banner can print
 * one key that works everywhere. Runs as an environment post-processor because the key must exist before any bean
 * binds the security properties.
 */
public class DemoApiKeyEnvironment implements EnvironmentPostProcessor {

    static final String SIMULATOR_KEY = "streamvane.simulator.api-key";
    private static final String SOURCE = "streamvaneDemoApiKey";
    private static final String SECURITY_KEYS = "streamvane.security.api-keys[0]";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (!environment.getProperty("streamvane.simulator.enabled", Boolean.class, false)) {
            return;
        }
        boolean keysConfigured = StringUtils.hasText(environment.getProperty(SECURITY_KEYS + ".key"))
                || StringUtils.hasText(environment.getProperty(SECURITY_KEYS + ".key-hash"));
        String key = environment.getProperty(SIMULATOR_KEY);
        Map<String, Object> added = new HashMap<>();
        if (!StringUtils.hasText(key)) {
            if (keysConfigured) {
                // Configured keys may be stored as hashes only: the simulator cannot guess one.
                throw new IllegalStateException("The demo needs " + SIMULATOR_KEY
                        + " (an ingest-scoped key) when streamvane.security.api-keys is configured");
            }
            key = generateKey();
            added.put(SIMULATOR_KEY, key);
        }
        if (!keysConfigured) {
            added.put(SECURITY_KEYS + ".name", "demo");
            added.put(SECURITY_KEYS + ".key", key);
            added.put(SECURITY_KEYS + ".scopes[0]", "admin");
        }
        if (!added.isEmpty()) {
            environment.getPropertySources().addFirst(new MapPropertySource(SOURCE, added));
        }
    }

    /** Whether the simulator's key was generated for this run (rather than configured). */
    static boolean generated(Environment environment) {
        if (!(environment instanceof ConfigurableEnvironment configurable)) {
            return false;
        }
        PropertySource<?> source = configurable.getPropertySources().get(SOURCE);
        return source != null && source.containsProperty(SIMULATOR_KEY);
    }

    private static String generateKey() {
        byte[] bytes = new byte[16];
        new SecureRandom().nextBytes(bytes);
        return "sv-demo-" + HexFormat.of().formatHex(bytes);
    }
}
