package io.streamvane.egress.wallboard;

import io.swagger.v3.oas.annotations.Hidden;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * {@code /} and {@code /wallboard} redirect to the page {@code /wallboard/} (relative, so a path prefix added by a proxy
 * survives; a TV's {@code #key=} fragment survives too, since browsers keep it across a redirect);
 * {@code /wallboard/stream} is its event stream (access and owner: {@link StreamAccessFilter}).
 */
@RestController
@ConditionalOnWallboard
@Hidden
class WallboardController {

    private final WallboardBroadcaster broadcaster;

    WallboardController(WallboardBroadcaster broadcaster) {
        this.broadcaster = broadcaster;
    }

    @GetMapping({"/", "/wallboard"})
    ResponseEntity<Void> toPage() {
        return ResponseEntity.status(HttpStatus.FOUND).header(HttpHeaders.LOCATION, "wallboard/").build();
    }

    @GetMapping(path = "/wallboard/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    SseEmitter stream(@RequestAttribute(StreamAccessFilter.OWNER) String owner) {
        return broadcaster.subscribe(owner);
    }
}
