package io.streamvane.egress.delivery;

import io.streamvane.platform.problem.Problems;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Operator endpoints for push sinks: state, replay of an interval range, dead letters and their retry. Mapped
 * under /api/v1/admin, which the platform's security guards like every other API path. Errors are problem+json
 * ({@link SinkAdminProblems}).
 *
 * <p>A {@code @RestController}, not a {@code @Bean} of {@link DeliveryConfiguration}: since Spring Framework 6 only
 * types annotated {@code @Controller} are scanned for handler methods, so the bean alone answered 404 on every path.
 * Same condition as the engine it drives.
 */
@RestController
@ConditionalOnProperty(prefix = "streamvane.egress.delivery", name = "enabled", matchIfMissing = true)
@RequestMapping("/api/v1/admin/sinks")
class SinkAdminController {

    static final String UNKNOWN_SINK = "unknown-sink";
    static final String INVALID_RANGE = "invalid-range";

    private final DeliveryEngine engine;

    SinkAdminController(DeliveryEngine engine) {
        this.engine = engine;
    }

    @GetMapping
    List<SinkStatus> sinks() throws Exception {
        List<SinkStatus> out = new ArrayList<>();
        for (Sink s : engine.sinks()) {
            out.add(describe(s));
        }
        return out;
    }

    @GetMapping("/{sink}")
    SinkStatus sink(@PathVariable String sink) throws Exception {
        return describe(require(sink));
    }

    /** Re-enqueues every interval starting in [from, to) with its stable payload id; 202 with the count. */
    @PostMapping("/{sink}/replay")
    @ResponseStatus(HttpStatus.ACCEPTED)
    ReplayAccepted replay(@PathVariable String sink, @RequestParam Instant from, @RequestParam Instant to)
            throws Exception {
        Sink s = require(sink);
        if (!from.isBefore(to)) {
            throw Problems.exception(HttpStatus.BAD_REQUEST, INVALID_RANGE, "Invalid range", "from must be before to");
        }
        int n = engine.store().replay(s.name(), s.shape(), from, to);
        engine.resume(s.name());
        return new ReplayAccepted(s.name(), n, from, to);
    }

    @GetMapping("/{sink}/dead-letters")
    List<DeliveryStore.DeadLetter> deadLetters(@PathVariable String sink,
            @RequestParam(defaultValue = "100") int limit) throws Exception {
        return engine.store().deadLetters(require(sink).name(), Math.min(Math.max(limit, 1), 1000));
    }

    @PostMapping("/{sink}/dead-letters/retry")
    @ResponseStatus(HttpStatus.ACCEPTED)
    DeadLettersRequeued retryDeadLetters(@PathVariable String sink) throws Exception {
        Sink s = require(sink);
        int n = engine.store().retryDeadLetters(s.name());
        engine.resume(s.name());
        return new DeadLettersRequeued(s.name(), n);
    }

    private Sink require(String name) {
        Sink s = engine.sink(name);
        if (s == null) {
            throw Problems.exception(HttpStatus.NOT_FOUND, UNKNOWN_SINK, "Unknown sink",
                    "no sink named '" + name + "'");
        }
        return s;
    }

    private SinkStatus describe(Sink s) throws Exception {
        return SinkStatus.of(s, engine.store().stats(s.name()));
    }
}
