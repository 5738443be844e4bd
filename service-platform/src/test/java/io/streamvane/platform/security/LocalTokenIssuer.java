package io.streamvane.platform.security;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * Stands in for Microsoft Entra ID in tests: an RSA signing key whose public JWK set is served over plain HTTP on
 * loopback (what {@code spring.security.oauth2.resourceserver.jwt.jwk-set-uri} points at in production), and tokens
 * shaped like Entra v2 access tokens. A second key pair with the same key id forges signatures. No network beyond
 * 127.0.0.1.
 */
final class LocalTokenIssuer implements AutoCloseable {

    static final String ISSUER = "https://login.microsoftonline.com/00000000-0000-0000-0000-00000000feed/v2.0";
    static final String AUDIENCE = "api://streamvane-test";
    static final String KID = "test-signing-key";

    private final RSAKey signingKey;
    private final RSAKey forgedKey;
    private final HttpServer server;
    private final AtomicInteger jwksRequests = new AtomicInteger();
    /** How long the key set takes to answer, as a slow identity provider. */
    volatile java.time.Duration keySetDelay = java.time.Duration.ZERO;

    LocalTokenIssuer() {
        try {
            signingKey = new RSAKeyGenerator(2048).keyID(KID).generate();
            // Same kid, different key: the decoder finds "the" key and the signature check must fail.
            forgedKey = new RSAKeyGenerator(2048).keyID(KID).generate();
            byte[] jwks = new JWKSet(signingKey.toPublicJWK()).toString().getBytes(StandardCharsets.UTF_8);
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            server.createContext("/discovery/v2.0/keys", exchange -> {
                jwksRequests.incrementAndGet();
                try {
                    Thread.sleep(keySetDelay.toMillis());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                exchange.getResponseHeaders().set("Content-Type", "application/json");
                exchange.sendResponseHeaders(200, jwks.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(jwks);
                }
            });
            server.start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (com.nimbusds.jose.JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    String jwkSetUri() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/discovery/v2.0/keys";
    }

    int jwksRequests() {
        return jwksRequests.get();
    }

    /** A valid token for {@link #AUDIENCE} from {@link #ISSUER}, valid for ten minutes, then {@code claims} applied. */
    String token(Consumer<JWTClaimsSet.Builder> claims) {
        return sign(signingKey, KID, claims);
    }

    /** Delegated (user) token: Entra puts the granted scopes space-separated in {@code scp}. */
    String delegated(String scp) {
        return token(c -> c.claim("scp", scp));
    }

    /** Application (client credentials) token: Entra puts the granted app roles in the {@code roles} array. */
    String application(String... roles) {
        return token(c -> c.claim("roles", java.util.List.of(roles)));
    }

    String forged(Consumer<JWTClaimsSet.Builder> claims) {
        return sign(forgedKey, KID, claims);
    }

    String withUnknownKeyId(Consumer<JWTClaimsSet.Builder> claims) {
        return sign(signingKey, "some-other-kid", claims);
    }

    private static String sign(RSAKey key, String kid, Consumer<JWTClaimsSet.Builder> claims) {
        Instant now = Instant.now();
        JWTClaimsSet.Builder builder = new JWTClaimsSet.Builder()
                .issuer(ISSUER)
                .audience(AUDIENCE)
                .subject("subject-" + UUID.randomUUID())
                .claim("tid", "00000000-0000-0000-0000-00000000feed")
                .issueTime(Date.from(now))
                .notBeforeTime(Date.from(now))
                .expirationTime(Date.from(now.plus(Duration.ofMinutes(10))));
        claims.accept(builder);
        try {
            SignedJWT jwt = new SignedJWT(
                    new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(kid).type(JOSEObjectType.JWT).build(),
                    builder.build());
            jwt.sign(new RSASSASigner(key));
            return jwt.serialize();
        } catch (com.nimbusds.jose.JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
