package io.streamvane.egress.wallboard;

import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * {@code /} and {@code /wallboard} redirect to the page {@code /wallboard/} (relative, so a path prefix added by a proxy
 * survives, and keeping the query so a TV's {@code ?key=} does too); {@code /wallboard/stream} is its event stream (access: {@link StreamAccessFilter}).
 */
@RestController
@Hidden
class WallboardController {

    private final WallboardBroadcaster broadcaster;

    WallboardController(WallboardBroadcaster broadcaster) {
        this.broadcaster = broadcaster;
    }

    @GetMapping({"/", "/wallboard"})
    ResponseEntity<Void> toPage(HttpServletRequest request) {
        String query = request.getQueryString();
        return ResponseEntity.status(HttpStatus.FOUND)
                .header(HttpHeaders.LOCATION, "wallboard/" + (query == null ? "" : "?" + query))
                .build();
    }

    @GetMapping(path = "/wallboard/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    SseEmitter stream() {
        return broadcaster.subscribe();
    }
}
