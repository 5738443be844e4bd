package io.streamvane.egress.wallboard;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Wallboard stream tokens: 256 random bits, good for one stream within {@code ttl}. A browser's EventSource cannot
 * send headers, so the stream takes its credential in the URL; a token used once and expiring in a minute is worth
 * nothing in an access log, where a key would be worth everything.
 */
final class StreamTokens {

    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();

    private final JdbcClient jdbc;
    private final Clock clock;
    private final Duration ttl;
    private final SecureRandom random = new SecureRandom();

    StreamTokens(JdbcClient jdbc, Clock clock, Duration ttl) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.ttl = ttl;
    }

    /** A token for {@code owner}'s next stream; expired tokens are swept on the way. */
    WallboardToken issue(String owner) {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        String token = ENCODER.encodeToString(bytes);
        Instant now = clock.instant();
        Instant expiresAt = now.plus(ttl);
        jdbc.sql("DELETE FROM wallboard_stream_token WHERE expires_at <= ?").param(Timestamp.from(now)).update();
        jdbc.sql("INSERT INTO wallboard_stream_token (token_hash, owner, expires_at) VALUES (?, ?, ?)")
                .params(hash(token), owner, Timestamp.from(expiresAt)).update();
        return new WallboardToken(token, expiresAt);
    }

    /** The owner the token was issued to, if it is unexpired and unused; it is used up either way. */
    Optional<String> redeem(String token) {
        if (token == null || token.isBlank() || token.length() > 100) {
            return Optional.empty();
        }
        return jdbc.sql("DELETE FROM wallboard_stream_token WHERE token_hash = ? RETURNING owner, expires_at > ?")
                .params(hash(token.trim()), Timestamp.from(clock.instant()))
                .query((rs, n) -> rs.getBoolean(2) ? rs.getString(1) : "")
                .optional().filter(owner -> !owner.isEmpty());
    }

    private static byte[] hash(String token) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every JVM", e);
        }
    }
}
