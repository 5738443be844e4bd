package io.streamvane.platform.security;

import static org.assertj.core.api.Assertions.assertThat;

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
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.mock.env.MockEnvironment;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * What Boot checks when only {@code jwk-set-uri} is set, and the start-up warning that says so: signature and
 * expiry, but neither issuer nor audience. Pins the behaviour documented in the README so a change to it is seen.
 */
@SpringBootTest(classes = JwtTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class JwtDefaultValidationTest {

    static final LocalTokenIssuer ISSUER = new LocalTokenIssuer();
    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @DynamicPropertySource
    static void jwkSet(DynamicPropertyRegistry registry) {
        registry.add("spring.security.oauth2.resourceserver.jwt.jwk-set-uri", ISSUER::jwkSetUri);
    }

    @AfterAll
    static void stopIssuer() {
        ISSUER.close();
    }

    @Value("${local.server.port}")
    int port;

    @Test
    void withoutIssuerUriAndAudiencesAnyIssuerAndAudienceSignedWithTheKeysIsAccepted() throws Exception {
        String otherTenantOtherApp = ISSUER.token(c -> c.claim("roles", List.of("Admin"))
                .issuer("https://login.microsoftonline.com/11111111-1111-1111-1111-111111111111/v2.0")
                .audience("api://some-other-app"));

        assertThat(status(otherTenantOtherApp)).isEqualTo(200);
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
    void startUpWarnsForEachCheckThatIsOff() {
        String prefix = "spring.security.oauth2.resourceserver.jwt.";
        assertThat(PlatformSecurityConfiguration.jwtValidationWarnings(new MockEnvironment()))
                .hasSize(2)
                .anySatisfy(w -> assertThat(w).contains(prefix + "issuer-uri"))
                .anySatisfy(w -> assertThat(w).contains(prefix + "audiences"));
        assertThat(PlatformSecurityConfiguration.jwtValidationWarnings(new MockEnvironment()
                .withProperty(prefix + "issuer-uri", LocalTokenIssuer.ISSUER)))
                .singleElement().asString().contains(prefix + "audiences");
        assertThat(PlatformSecurityConfiguration.jwtValidationWarnings(new MockEnvironment()
                .withProperty(prefix + "issuer-uri", LocalTokenIssuer.ISSUER)
                .withProperty(prefix + "audiences[0]", "api://a")
                .withProperty(prefix + "audiences[1]", "b")))
                .isEmpty();
        assertThat(PlatformSecurityConfiguration.jwtValidationWarnings(new MockEnvironment()
                .withProperty(prefix + "issuer-uri", LocalTokenIssuer.ISSUER)
                .withProperty(prefix + "audiences", "api://a,b")))
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
