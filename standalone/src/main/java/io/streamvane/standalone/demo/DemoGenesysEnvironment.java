package io.streamvane.standalone.demo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.security.SecureRandom;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.util.StringUtils;

/**
 * With the demo on, fixes where the fake Genesys API will listen and which OAuth client it accepts (a generated id
 * and secret unless configured), and, when no Genesys client is configured for the scheduler, points the scheduler
 * at that fake. Runs as an environment post-processor because the scheduler's conditions and properties are read
 * while the context starts, long before {@link DemoSimulation} can start the fake API inside it.
 */
public class DemoGenesysEnvironment implements EnvironmentPostProcessor {

    static final String API_PORT = "streamvane.simulator.api-port";
    static final String API_CLIENT_ID = "streamvane.simulator.api-client-id";
    static final String API_CLIENT_SECRET = "streamvane.simulator.api-client-secret";
    private static final String SCHEDULER = "streamvane.scheduler.genesys.";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (!environment.getProperty("streamvane.simulator.enabled", Boolean.class, false)) {
            return;
        }
        int configuredPort = environment.getProperty(API_PORT, Integer.class, 0);
        int port = configuredPort > 0 ? configuredPort : freePort();
        String clientId = valueOr(environment, API_CLIENT_ID, "streamvane-demo-" + random(4));
        String secret = valueOr(environment, API_CLIENT_SECRET, random(24));
        Map<String, Object> added = new HashMap<>();
        added.put(API_PORT, port);
        added.put(API_CLIENT_ID, clientId);
        added.put(API_CLIENT_SECRET, secret);
        // A configured client means a real (or other) Genesys org: the scheduler keeps it.
        if (!StringUtils.hasText(environment.getProperty(SCHEDULER + "client-id"))) {
            String fakeUrl = "http://localhost:" + port;
            added.put(SCHEDULER + "client-id", clientId);
            added.put(SCHEDULER + "client-secret", secret);
            added.put(SCHEDULER + "api-base-url", fakeUrl);
            added.put(SCHEDULER + "login-base-url", fakeUrl);
        }
        environment.getPropertySources().addFirst(new MapPropertySource("streamvaneDemoGenesys", added));
    }

    private static String valueOr(ConfigurableEnvironment environment, String key, String generated) {
        String value = environment.getProperty(key);
        return StringUtils.hasText(value) ? value : generated;
    }

    /**
     * A port the system just handed out: the fake API binds it a few seconds later, once the day is simulated. The
     * scheduler's base URL must be known before that, and the JDK's HTTP server cannot adopt an open socket.
     */
    private static int freePort() {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(0));
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free port for the demo's fake Genesys API", e);
        }
    }

    private static String random(int bytes) {
        byte[] value = new byte[bytes];
        new SecureRandom().nextBytes(value);
        return HexFormat.of().formatHex(value);
    }
}
