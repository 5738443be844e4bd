package io.streamvane.platform.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.streamvane.platform.problem.Problems;
import java.io.IOException;
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
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The JWT bearer path end to end over real HTTP, configured as a production service is against Entra ID: keys from
 * {@code jwk-set-uri}, issuer from {@code issuer-uri}, audience from {@code audiences}. The key set is served by a
 * local {@link LocalTokenIssuer}; nothing reaches Azure.
 */
@SpringBootTest(classes = JwtTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
                "spring.security.oauth2.resourceserver.jwt.issuer-uri=" + LocalTokenIssuer.ISSUER,
                "spring.security.oauth2.resourceserver.jwt.audiences=" + LocalTokenIssuer.AUDIENCE,
                "streamvane.security.api-keys[0].name=reader",
                "streamvane.security.api-keys[0].key=" + JwtAuthenticationTest.READ_KEY,
                "streamvane.security.api-keys[0].scopes[0]=read",
                "streamvane.security.api-keys[1].name=dotted",
                "streamvane.security.api-keys[1].key=" + JwtAuthenticationTest.DOTTED_KEY,
                "streamvane.security.api-keys[1].scopes[0]=admin",
                "streamvane.security.api-keys[2].name=ingester",
                "streamvane.security.api-keys[2].key=" + JwtAuthenticationTest.INGEST_KEY,
                "streamvane.security.api-keys[2].scopes[0]=ingest",
                "streamvane.security.api-keys[3].name=scopeless",
                "streamvane.security.api-keys[3].key=" + JwtAuthenticationTest.SCOPELESS_KEY})
class JwtAuthenticationTest {

    static final String READ_KEY = "sv-read-3f9c2b7a-jwt-test-key-7c41e9a2b5d80f36";
    static final String INGEST_KEY = "sv-ingest-81d0c4e2-jwt-test-key-7c41e9a2b5d80f36";
    /** A configured key granted no scope: known, but allowed nothing. */
    static final String SCOPELESS_KEY = "sv-none-5a7e19b3-jwt-test-key-7c41e9a2b5d80f36";
    /** A configured key that happens to look like a JWT (three dot-separated parts). */
    static final String DOTTED_KEY = "sv.admin-key.looks-like-a-jwt-7c41e9a2b5d80f36";

    static final LocalTokenIssuer ISSUER = new LocalTokenIssuer();

    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final JsonMapper JSON = JsonMapper.builder().build();

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

    // --- scopes and roles -------------------------------------------------------------------------------------

    @Test
    void aDelegatedTokenWithTheReadScopeReadsButMayNotIngestOrAdminister() throws Exception {
        String token = ISSUER.delegated("read");

        HttpResponse<String> ok = get("/api/v1/queues", bearer(token));
        assertThat(ok.statusCode()).isEqualTo(200);
        JsonNode who = JSON.readTree(ok.body());
        assertThat(who.get("type").asString()).isEqualTo("JwtAuthenticationToken");
        assertThat(who.get("name").asString()).startsWith("subject-");
        assertThat(authorities(who)).containsExactly("SCOPE_read");

        assertProblem(post("/api/v1/events", bearer(token)), 403, "/api/v1/events");
        assertProblem(post("/api/v1/admin/replay", bearer(token)), 403, "/api/v1/admin/replay");
    }

    @Test
    void delegatedScopesAreSpaceSeparatedInScp() throws Exception {
        String token = ISSUER.delegated("read ingest");

        assertThat(get("/api/v1/queues", bearer(token)).statusCode()).isEqualTo(200);
        HttpResponse<String> ingest = post("/api/v1/events", bearer(token));
        assertThat(ingest.statusCode()).isEqualTo(200);
        assertThat(authorities(JSON.readTree(ingest.body()))).containsExactly("SCOPE_ingest", "SCOPE_read");
        assertProblem(post("/api/v1/admin/replay", bearer(token)), 403, "/api/v1/admin/replay");
    }

    @Test
    void applicationPermissionsComeAsQualifiedAppRolesAndAdminImpliesTheOthers() throws Exception {
        String token = ISSUER.application("Streamvane.Admin");

        HttpResponse<String> admin = post("/api/v1/admin/replay", bearer(token));
        assertThat(admin.statusCode()).isEqualTo(200);
        assertThat(authorities(JSON.readTree(admin.body())))
                .containsExactly("SCOPE_admin", "SCOPE_ingest", "SCOPE_read");
        assertThat(post("/api/v1/events", bearer(token)).statusCode()).isEqualTo(200);
        assertThat(get("/api/v1/queues", bearer(token)).statusCode()).isEqualTo(200);
    }

    @Test
    void anIngestOnlyAppRoleIngestsButDoesNotRead() throws Exception {
        String token = ISSUER.application("Streamvane.Ingest");

        assertThat(post("/api/v1/events", bearer(token)).statusCode()).isEqualTo(200);
        assertProblem(get("/api/v1/queues", bearer(token)), 403, "/api/v1/queues");
    }

    @Test
    void scopesAndRolesInOneTokenAddUp() throws Exception {
        String token = ISSUER.token(c -> c.claim("scp", "read").claim("roles", List.of("ingest")));

        assertThat(get("/api/v1/queues", bearer(token)).statusCode()).isEqualTo(200);
        assertThat(post("/api/v1/events", bearer(token)).statusCode()).isEqualTo(200);
        assertProblem(post("/api/v1/admin/replay", bearer(token)), 403, "/api/v1/admin/replay");
    }

    @Test
    void aRoleEndingInAdminOfAnotherQualifierGrantsNothing() throws Exception {
        String token = ISSUER.application("Reports.Admin");

        assertProblem(post("/api/v1/admin/replay", bearer(token)), 403, "/api/v1/admin/replay");
        assertProblem(get("/api/v1/queues", bearer(token)), 403, "/api/v1/queues");
    }

    @Test
    void aValidTokenWithoutAStreamvaneScopeIsKnownButRefusedEverywhere() throws Exception {
        String token = ISSUER.token(c -> c.claim("scp", "openid profile"));

        assertProblem(get("/api/v1/queues", bearer(token)), 403, "/api/v1/queues");
        assertProblem(get("/whoami", bearer(token)), 403, "/whoami");
    }

    // --- deny by default: every method of every path needs the scope a rule names -------------------------------

    @Test
    void headAndOptionsOfAReadEndpointNeedTheReadScopeLikeItsGet() throws Exception {
        String roleless = ISSUER.token(c -> c.claim("scp", "openid profile"));
        String ingestRole = ISSUER.application("Streamvane.Ingest");
        String[][] refused = {bearer(roleless), bearer(ingestRole), {"X-API-Key", INGEST_KEY},
                {"X-API-Key", SCOPELESS_KEY}};

        for (String[] header : refused) {
            for (String method : List.of("HEAD", "OPTIONS")) {
                HttpResponse<String> r = send(method, "/api/v1/queues", header);
                assertThat(r.statusCode()).as(method + " with " + header[1]).isEqualTo(403);
                assertThat(r.headers().firstValue("ETag")).as(method + " with " + header[1]).isEmpty();
            }
        }
        assertThat(send("HEAD", "/api/v1/queues", bearer(ISSUER.delegated("read"))).statusCode()).isEqualTo(200);
        assertThat(send("HEAD", "/api/v1/queues", "X-API-Key", READ_KEY).statusCode()).isEqualTo(200);
        assertThat(send("OPTIONS", "/api/v1/queues", "X-API-Key", READ_KEY).statusCode()).isEqualTo(200);
    }

    @Test
    void aPathNoRuleNamesIsRefusedEvenToAnAdminAndAsksUnknownCallersToAuthenticate() throws Exception {
        assertProblem(get("/whoami", "X-API-Key", DOTTED_KEY), 403, "/whoami");
        assertProblem(get("/whoami", "X-API-Key", READ_KEY), 403, "/whoami");
        assertProblem(get("/whoami"), 401, "/whoami");
        // A method no rule names on a named path: only GET, HEAD and OPTIONS of /api/v1/** are read.
        assertProblem(send("DELETE", "/api/v1/queues", "X-API-Key", READ_KEY), 403, "/api/v1/queues");
        assertProblem(send("PUT", "/api/v1/events", "X-API-Key", INGEST_KEY), 403, "/api/v1/events");
    }

    @Test
    void theScrapeNeedsReadAndTheOtherActuatorEndpointsAdmin() throws Exception {
        // (No actuator in this app: a caller the rules let through gets 404, one they refuse gets 403.)
        assertProblem(get("/actuator/prometheus", "X-API-Key", INGEST_KEY), 403, "/actuator/prometheus");
        assertProblem(send("HEAD", "/actuator/prometheus", "X-API-Key", INGEST_KEY), 403, null);
        assertProblem(get("/actuator/prometheus", bearer(ISSUER.token(c -> c.claim("scp", "openid")))), 403,
                "/actuator/prometheus");
        assertThat(get("/actuator/prometheus", "X-API-Key", READ_KEY).statusCode()).isEqualTo(404);
        assertThat(get("/actuator/metrics/jvm.memory.used", "X-API-Key", READ_KEY).statusCode()).isEqualTo(404);
        assertProblem(get("/actuator/env", "X-API-Key", READ_KEY), 403, "/actuator/env");
        assertProblem(post("/actuator/loggers/root", "X-API-Key", READ_KEY), 403, "/actuator/loggers/root");
        assertThat(get("/actuator/env", "X-API-Key", DOTTED_KEY).statusCode()).isEqualTo(404);
    }

    // --- tokens that must not authenticate ----------------------------------------------------------------------

    @Test
    void noCredentialsIs401AskingForThem() throws Exception {
        HttpResponse<String> r = get("/api/v1/queues");
        JsonNode problem = assertProblem(r, 401, "/api/v1/queues");
        assertThat(r.headers().firstValue("WWW-Authenticate")).hasValue("Bearer realm=\"streamvane\"");
        assertThat(problem.get("detail").asString()).startsWith("Credentials are required");
        assertThat(problem.get("reason").asString()).isEqualTo("credentials-required");
    }

    @Test
    void anExpiredTokenIs401() throws Exception {
        Instant past = Instant.now().minus(Duration.ofHours(2));
        String token = ISSUER.token(c -> c.claim("scp", "read")
                .issueTime(Date.from(past)).notBeforeTime(Date.from(past))
                .expirationTime(Date.from(past.plus(Duration.ofHours(1)))));

        assertInvalidToken(get("/api/v1/queues", bearer(token)));
    }

    @Test
    void aTokenNotYetValidIs401() throws Exception {
        Instant future = Instant.now().plus(Duration.ofHours(1));
        String token = ISSUER.token(c -> c.claim("scp", "read")
                .notBeforeTime(Date.from(future)).expirationTime(Date.from(future.plus(Duration.ofHours(1)))));

        assertInvalidToken(get("/api/v1/queues", bearer(token)));
    }

    @Test
    void aTokenSignedWithAnotherKeyIs401EvenUnderTheRightKeyId() throws Exception {
        assertInvalidToken(get("/api/v1/queues", bearer(ISSUER.forged(c -> c.claim("roles", List.of("admin"))))));
        assertInvalidToken(get("/api/v1/queues",
                bearer(ISSUER.withUnknownKeyId(c -> c.claim("roles", List.of("admin"))))));
    }

    @Test
    void aTamperedPayloadIs401() throws Exception {
        String[] parts = ISSUER.delegated("read").split("\\.");
        String admin = ISSUER.application("Streamvane.Admin");
        // The header and signature of a read token around the claims of an admin token.
        String spliced = parts[0] + "." + admin.split("\\.")[1] + "." + parts[2];

        assertInvalidToken(post("/api/v1/admin/replay", bearer(spliced)));
    }

    @Test
    void anUnsignedTokenIs401() throws Exception {
        String[] parts = ISSUER.application("Streamvane.Admin").split("\\.");
        String header = java.util.Base64.getUrlEncoder().withoutPadding()
                .encodeToString("{\"alg\":\"none\",\"typ\":\"JWT\"}".getBytes(java.nio.charset.StandardCharsets.UTF_8));

        assertInvalidToken(post("/api/v1/admin/replay", bearer(header + "." + parts[1] + ".")));
    }

    @Test
    void aTokenFromAnotherIssuerIs401() throws Exception {
        String token = ISSUER.token(c -> c.claim("scp", "read")
                .issuer("https://login.microsoftonline.com/11111111-1111-1111-1111-111111111111/v2.0"));

        assertInvalidToken(get("/api/v1/queues", bearer(token)));
    }

    @Test
    void aTokenForAnotherAudienceIs401() throws Exception {
        // Another app in the same tenant: same issuer, same signing keys, but not meant for Streamvane.
        String otherApi = ISSUER.token(c -> c.claim("roles", List.of("Admin")).audience("api://some-other-app"));
        String noAudience = ISSUER.token(c -> c.claim("scp", "read").audience((String) null));

        assertInvalidToken(post("/api/v1/admin/replay", bearer(otherApi)));
        assertInvalidToken(get("/api/v1/queues", bearer(noAudience)));
    }

    @Test
    void aTokenWhoseAudiencesIncludeStreamvaneIsAccepted() throws Exception {
        String token = ISSUER.token(c -> c.claim("scp", "read")
                .audience(List.of("api://some-other-app", LocalTokenIssuer.AUDIENCE)));

        assertThat(get("/api/v1/queues", bearer(token)).statusCode()).isEqualTo(200);
    }

    @Test
    void garbageShapedLikeAJwtIs401() throws Exception {
        assertInvalidToken(get("/api/v1/queues", bearer("not.a.jwt")));
        assertInvalidToken(get("/api/v1/queues", bearer("eyJhbGciOiJSUzI1NiJ9.e30.c2lnbmF0dXJl")));
    }

    // --- API keys beside JWTs -----------------------------------------------------------------------------------

    @Test
    void anApiKeyStillWorksInEitherHeaderWhileJwtsAreOn() throws Exception {
        for (String[] header : List.of(new String[] {"X-API-Key", READ_KEY}, bearer(READ_KEY))) {
            HttpResponse<String> r = get("/api/v1/queues", header);
            assertThat(r.statusCode()).as(header[0]).isEqualTo(200);
            JsonNode who = JSON.readTree(r.body());
            assertThat(who.get("type").asString()).isEqualTo("UsernamePasswordAuthenticationToken");
            assertThat(who.get("name").asString()).isEqualTo("api-key:reader");
            assertProblem(post("/api/v1/events", header), 403, "/api/v1/events");
        }
        assertInvalidToken(get("/api/v1/queues", "X-API-Key", "sv-read-wrong"));
        assertInvalidToken(get("/api/v1/queues", bearer("sv-read-wrong")));
    }

    @Test
    void aJwtShapedBearerValueIsNeverTriedAsAnApiKey() throws Exception {
        // The key is configured with admin, yet as a bearer value it goes to the JWT decoder and fails there.
        assertInvalidToken(post("/api/v1/admin/replay", bearer(DOTTED_KEY)));
        // Sent as X-API-Key it is unambiguously a key.
        assertThat(post("/api/v1/admin/replay", "X-API-Key", DOTTED_KEY).statusCode()).isEqualTo(200);
    }

    @Test
    void aValidJwtSentAsAnApiKeyIsNotAKey() throws Exception {
        assertInvalidToken(get("/api/v1/queues", "X-API-Key", ISSUER.application("Streamvane.Admin")));
    }

    @Test
    void theKeySetWasFetchedFromTheConfiguredUri() throws Exception {
        assertThat(get("/api/v1/queues", bearer(ISSUER.delegated("read"))).statusCode()).isEqualTo(200);
        assertThat(ISSUER.jwksRequests()).isPositive();
    }

    // --- helpers ------------------------------------------------------------------------------------------------

    private static String[] bearer(String token) {
        return new String[] {"Authorization", "Bearer " + token};
    }

    private static List<String> authorities(JsonNode who) {
        return who.get("authorities").valueStream().map(JsonNode::asString).toList();
    }

    private void assertInvalidToken(HttpResponse<String> r) throws IOException {
        JsonNode problem = assertProblem(r, 401, URI.create(r.uri().toString()).getPath());
        assertThat(r.headers().firstValue("WWW-Authenticate"))
                .hasValue("Bearer realm=\"streamvane\", error=\"invalid_token\"");
        assertThat(problem.get("detail").asString()).isEqualTo("The credentials sent are not valid.");
        assertThat(problem.get("reason").asString()).isEqualTo("invalid-credentials");
    }

    /** A problem+json answer; a HEAD answer has its headers but no body ({@code instance} null). */
    private static JsonNode assertProblem(HttpResponse<String> r, int status, String instance) {
        assertThat(r.statusCode()).as(r.body()).isEqualTo(status);
        assertThat(r.headers().firstValue("Content-Type")).hasValueSatisfying(
                ct -> assertThat(ct).startsWith("application/problem+json"));
        if (instance == null) {
            return null;
        }
        JsonNode problem = JSON.readTree(r.body());
        assertThat(problem.get("status").asInt()).isEqualTo(status);
        assertThat(problem.get("instance").asString()).isEqualTo(instance);
        assertThat(problem.get("title").asString()).isNotBlank();
        String reason = problem.get("reason").asString();
        if (status == 401) {
            assertThat(reason).isIn("credentials-required", "invalid-credentials");
        } else {
            assertThat(reason).isEqualTo("insufficient-scope");
        }
        assertThat(problem.get("type").asString()).isEqualTo(Problems.TYPE_BASE + reason);
        return problem;
    }

    private HttpResponse<String> get(String path, String... header) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(uri(path)).GET(), header);
    }

    private HttpResponse<String> post(String path, String... header) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(uri(path)).POST(HttpRequest.BodyPublishers.noBody()), header);
    }

    private HttpResponse<String> send(String method, String path, String... header)
            throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(uri(path)).method(method, HttpRequest.BodyPublishers.noBody()), header);
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    private static HttpResponse<String> send(HttpRequest.Builder request, String... header)
            throws IOException, InterruptedException {
        if (header.length > 0) {
            request.header(header[0], header[1]);
        }
        return CLIENT.send(request.timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
