package io.streamvane.egress.wallboard;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/** Exchanges a read credential, sent in a header, for a token the page puts in its stream URL instead of the key. */
@RestController
@ConditionalOnWallboard
@Tag(name = "Wallboard", description = "The live wallboard's stream credentials")
class WallboardTokenController {

    private final StreamTokens tokens;

    WallboardTokenController(StreamTokens tokens) {
        this.tokens = tokens;
    }

    @PostMapping("/api/v1/wallboard/tokens")
    @Operation(summary = "A single-use, short-lived token for one wallboard stream",
            description = "Open `/wallboard/stream?token=` with it once before `expiresAt` "
                    + "(`streamvane.egress.wallboard.token-ttl`, 60 s by default). Needs the read scope.")
    ResponseEntity<WallboardToken> issue(Authentication caller) {
        return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(tokens.issue(caller.getName()));
    }
}
