package io.streamvane.egress.wallboard;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;

/** A stream token: open {@code /wallboard/stream?token=} with it once, before {@code expiresAt}. */
@Schema(description = "A single-use token for one wallboard stream")
public record WallboardToken(String token, Instant expiresAt) {
}
