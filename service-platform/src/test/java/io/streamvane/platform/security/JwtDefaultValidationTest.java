package io.streamvane.platform.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.mock.env.MockEnvironment;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * What is checked when {@code issuer-uri} is not set and the app deliberately accepts any issuer (a multi-tenant
 * app cannot name one): signature, expiry and audience, with a start-up warning. Without {@code audiences}, or
 * without an issuer not so accepted, a service refuses to start: Entra signs every app's tokens with the same keys.
 */
@SpringBootTest(classes = JwtTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class JwtDefaultValidationTest {

    static final String PREFIX = "spring.security.oauth2.resourceserver.jwt.";
    static final LocalTokenIssuer ISSUER = new LocalTokenIssuer();
    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @DynamicPropertySource
    static void jwkSet(DynamicPropertyRegistry registry) {
        registry.add(PREFIX + "jwk-set-uri", ISSUER::jwkSetUri);
        registry.add(PREFIX + "audiences", () -> LocalTokenIssuer.AUDIENCE);
        registry.add("streamvane.security.accept-any-jwt-issuer", () -> "true");
    }

    @AfterAll
    static void stopIssuer() {
        ISSUER.close();
    }

    @Value("${local.server.port}")
    int port;

    @Test
    void withoutIssuerUriAnotherTenantsTokenForOurAudienceIsAcceptedButNotOneForAnotherApp() throws Exception {
        String otherTenant = "https://login.microsoftonline.com/11111111-1111-1111-1111-111111111111/v2.0";

        assertThat(status(ISSUER.token(c -> c.claim("roles", List.of("Admin")).issuer(otherTenant)))).isEqualTo(200);
        assertThat(status(ISSUER.token(c -> c.claim("roles", List.of("Admin")).issuer(otherTenant)
                .audience("api://some-other-app")))).isEqualTo(401);
    }

    @Test
    void signatureAndExpiryAreCheckedRegardless() throws Exception {
        Instant past = Instant.now().minus(Duration.ofHours(2));
        String expired = ISSUER.token(c -> c.claim("roles", List.of("Admin"))
                .issueTime(Date.from(past)).notBeforeTime(Date.from(past))
                .expirationTime(Date.from(past.plus(Duration.ofHours(1)))));

        assertThat(status(expired)).isEqualTo(401);
        assertThat(status(ISSUER.forged(c -> c.claim("roles", List.of("Admin"))))).isEqualTo(401);
        assertThat(status(ISSUER.application("Admin"))).isEqualTo(200);
    }

    @Test
    void aServiceWithJwtsButNoAudienceRefusesToStart() {
        SpringApplicationBuilder app = new SpringApplicationBuilder(JwtTestApplication.class)
                .properties("server.port=0", PREFIX + "jwk-set-uri=" + ISSUER.jwkSetUri(),
                        PREFIX + "issuer-uri=" + LocalTokenIssuer.ISSUER);

        assertThatThrownBy(app::run).rootCause().isInstanceOf(IllegalStateException.class)
                .hasMessageContaining(PREFIX + "audiences");
    }

    @Test
    void aServiceWithJwtsButNoIssuerRefusesToStartUnlessAnyIssuerIsAcceptedOnPurpose() {
        SpringApplicationBuilder app = new SpringApplicationBuilder(JwtTestApplication.class)
                .properties("server.port=0", PREFIX + "jwk-set-uri=" + ISSUER.jwkSetUri(),
                        PREFIX + "audiences=" + LocalTokenIssuer.AUDIENCE);

        assertThatThrownBy(app::run).rootCause().isInstanceOf(IllegalStateException.class)
                .hasMessageContaining(PREFIX + "issuer-uri is not set")
                .hasMessageContaining("streamvane.security.accept-any-jwt-issuer");
    }

    @Test
    void startUpWarnsWhenTheIssuerIsNotCheckedOnPurpose() {
        assertThatThrownBy(() -> PlatformSecurityConfiguration.jwtValidationWarnings(new MockEnvironment(), true))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining(PREFIX + "audiences");
        assertThatThrownBy(() -> PlatformSecurityConfiguration.jwtValidationWarnings(new MockEnvironment()
                .withProperty(PREFIX + "audiences[0]", "api://a"), false))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining(PREFIX + "issuer-uri");
        assertThat(PlatformSecurityConfiguration.jwtValidationWarnings(new MockEnvironment()
                .withProperty(PREFIX + "audiences[0]", "api://a"), true))
                .singleElement().asString().contains(PREFIX + "issuer-uri");
        assertThat(PlatformSecurityConfiguration.jwtValidationWarnings(new MockEnvironment()
                .withProperty(PREFIX + "issuer-uri", LocalTokenIssuer.ISSUER)
                .withProperty(PREFIX + "audiences[0]", "api://a")
                .withProperty(PREFIX + "audiences[1]", "b"), false))
                .isEmpty();
        assertThat(PlatformSecurityConfiguration.jwtValidationWarnings(new MockEnvironment()
                .withProperty(PREFIX + "issuer-uri", LocalTokenIssuer.ISSUER)
                .withProperty(PREFIX + "audiences", "api://a,b"), false))
                .isEmpty();
    }

    private int status(String token) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/admin/replay"))
                .header("Authorization", "Bearer " + token)
                .POST(HttpRequest.BodyPublishers.noBody())
                .timeout(Duration.ofSeconds(10))
                .build();
        return CLIENT.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
    }
}
