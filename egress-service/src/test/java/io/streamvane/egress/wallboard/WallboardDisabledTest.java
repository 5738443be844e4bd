package io.streamvane.egress.wallboard;

import static org.assertj.core.api.Assertions.assertThat;

import io.streamvane.egress.EgressApplication;
import io.streamvane.testsupport.TestDatabases;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/** {@code streamvane.egress.wallboard.enabled=false} starts egress without any of the wallboard, controllers included. */
class WallboardDisabledTest {

    private static final String READ_KEY = "sv-read-3c9e71a0b4d2f86e5a1c-wallboard-off";

    @Test
    void egressStartsWithoutTheWallboardAndServesNoneOfIt() throws Exception {
        Map<String, Object> p = new LinkedHashMap<>(TestDatabases.freshMigrated().springProperties());
        p.put("server.port", "0");
        p.put("spring.main.banner-mode", "off");
        p.put("streamvane.egress.wallboard.enabled", "false");
        p.put("streamvane.egress.delivery.retention.enabled", "false");
        p.put("streamvane.security.api-keys[0].name", "reader");
        p.put("streamvane.security.api-keys[0].key", READ_KEY);
        p.put("streamvane.security.api-keys[0].scopes[0]", "read");
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(EgressApplication.class)
                .properties(p).run()) {
            String root = "http://localhost:" + context.getEnvironment().getProperty("local.server.port");
            HttpClient http = HttpClient.newHttpClient();

            assertThat(context.getBeanNamesForType(WallboardBroadcaster.class)).isEmpty();
            assertThat(context.getBeanNamesForType(WallboardTokenController.class)).isEmpty();
            var token = http.send(HttpRequest.newBuilder(URI.create(root + "/api/v1/wallboard/tokens"))
                    .header("X-API-Key", READ_KEY).POST(HttpRequest.BodyPublishers.noBody()).build(),
                    HttpResponse.BodyHandlers.ofString());
            var stream = http.send(HttpRequest.newBuilder(URI.create(root + "/wallboard/stream"))
                    .header("X-API-Key", READ_KEY).build(), HttpResponse.BodyHandlers.ofString());
            var queues = http.send(HttpRequest.newBuilder(URI.create(root + "/api/v1/queues"))
                    .header("X-API-Key", READ_KEY).build(), HttpResponse.BodyHandlers.ofString());

            assertThat(token.statusCode()).isEqualTo(404);
            assertThat(stream.statusCode()).isEqualTo(404);
            assertThat(queues.statusCode()).isEqualTo(200);
        }
    }
}
