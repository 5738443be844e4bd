package io.streamvane.platform.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * An identity provider whose key set takes longer than Spring Security's 500 ms default to answer: tokens are still
 * checked, because the keys are fetched with {@code streamvane.security.jwk-set-timeout}. The test sets it far above
 * the delay, so a slow machine cannot make the fetch miss it; with Spring Security's timeout it answers 500.
 */
@SpringBootTest(classes = JwtTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class SlowKeySetTest {

    static final LocalTokenIssuer ISSUER = new LocalTokenIssuer();

    @DynamicPropertySource
    static void jwkSet(DynamicPropertyRegistry registry) {
        ISSUER.keySetDelay = Duration.ofMillis(1500);
        registry.add(JwtDefaultValidationTest.PREFIX + "jwk-set-uri", ISSUER::jwkSetUri);
        registry.add(JwtDefaultValidationTest.PREFIX + "audiences", () -> LocalTokenIssuer.AUDIENCE);
        registry.add(JwtDefaultValidationTest.PREFIX + "issuer-uri", () -> LocalTokenIssuer.ISSUER);
        registry.add("streamvane.security.jwk-set-timeout", () -> "30s");
    }

    @AfterAll
    static void stopIssuer() {
        ISSUER.close();
    }

    @Value("${local.server.port}")
    int port;

    @Test
    void aKeySetSlowerThanSpringSecuritysDefaultStillVerifiesTokens() throws Exception {
        String token = ISSUER.token(c -> c.claim("roles", List.of("Admin")));
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/admin/replay"))
                .header("Authorization", "Bearer " + token)
                .POST(HttpRequest.BodyPublishers.noBody())
                .timeout(Duration.ofSeconds(30))
                .build();

        int status = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.discarding()).statusCode();

        assertThat(status).isEqualTo(200);
        assertThat(ISSUER.jwksRequests()).isPositive();
    }
}
