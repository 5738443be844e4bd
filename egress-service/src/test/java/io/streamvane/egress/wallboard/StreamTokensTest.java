package io.streamvane.egress.wallboard;

import static org.assertj.core.api.Assertions.assertThat;

import io.streamvane.egress.EgressIntegrationTest;
import io.streamvane.testsupport.MutableClock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class StreamTokensTest extends EgressIntegrationTest {

    private final MutableClock clock = new MutableClock(Instant.parse("2026-03-29T00:30:00Z"));

    @Test
    void aTokenIsRedeemedOnceForItsOwnerWithinItsLifetime() {
        StreamTokens tokens = new StreamTokens(jdbc, clock, Duration.ofSeconds(60));
        WallboardToken token = tokens.issue("api-key:tv");

        assertThat(token.expiresAt()).isEqualTo(clock.instant().plusSeconds(60));
        assertThat(tokens.redeem(token.token())).hasValue("api-key:tv");
        assertThat(tokens.redeem(token.token())).isEmpty();
        assertThat(tokens.redeem("")).isEmpty();
        assertThat(tokens.redeem("x".repeat(10_000))).isEmpty();
    }

    @Test
    void anExpiredTokenIsRefusedAndUsedUpAndIssuingSweepsExpiredOnes() {
        StreamTokens tokens = new StreamTokens(jdbc, clock, Duration.ofSeconds(60));
        WallboardToken late = tokens.issue("api-key:tv");
        tokens.issue("api-key:forgotten");

        clock.advance(Duration.ofSeconds(60));
        assertThat(tokens.redeem(late.token())).isEmpty();
        tokens.issue("api-key:next");

        assertThat(jdbc.sql("SELECT owner FROM wallboard_stream_token").query(String.class).list())
                .containsExactly("api-key:next");
    }

    @Test
    void theStoreHoldsHashesOnly() {
        StreamTokens tokens = new StreamTokens(jdbc, clock, Duration.ofSeconds(60));
        WallboardToken token = tokens.issue("api-key:tv");

        byte[] stored = jdbc.sql("SELECT token_hash FROM wallboard_stream_token").query(byte[].class).single();
        assertThat(stored).hasSize(32);
        assertThat(new String(stored, java.nio.charset.StandardCharsets.ISO_8859_1)).doesNotContain(token.token());
    }
}
