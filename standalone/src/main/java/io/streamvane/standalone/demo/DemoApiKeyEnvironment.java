package io.streamvane.standalone.demo;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * With the demo on and no {@code streamvane.security.api-keys} configured, makes up one random key and adds it as
 * {@code streamvane.security.api-keys[0]}, so the auth layer accepts it and the banner can print it. Runs as an
 * environment post-processor because the key must exist before any bean binds the security properties.
 */
public class DemoApiKeyEnvironment implements EnvironmentPostProcessor {

    static final String KEYS = "streamvane.security.api-keys";
    static final String GENERATED = "streamvane.simulator.generated-api-key";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (!environment.getProperty("streamvane.simulator.enabled", Boolean.class, false)) {
            return;
        }
        List<String> keys = Binder.get(environment).bind(KEYS, Bindable.listOf(String.class)).orElse(List.of());
        if (keys.stream().anyMatch(k -> k != null && !k.isBlank())) {
            return;
        }
        byte[] bytes = new byte[16];
        new SecureRandom().nextBytes(bytes);
        String key = "sv-demo-" + HexFormat.of().formatHex(bytes);
        environment.getPropertySources().addFirst(new MapPropertySource("streamvaneDemoApiKey",
                Map.of(KEYS + "[0]", key, GENERATED, "true")));
    }
}
