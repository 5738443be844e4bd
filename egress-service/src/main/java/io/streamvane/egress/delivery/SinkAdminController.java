package io.streamvane.egress.delivery;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * Operator endpoints for push sinks: state, replay of an interval range, dead letters and their retry. Mapped
 * under /api/v1/admin, which the platform's security guards like every other API path.
 *
 * <p>A {@code @RestController}, not a {@code @Bean} of {@link DeliveryConfiguration}: since Spring Framework 6 only
 * types annotated {@code @Controller} are scanned for handler methods, so the bean alone answered 404 on every path.
 * Same condition as the engine it drives.
 */
@RestController
@ConditionalOnProperty(prefix = "streamvane.egress.delivery", name = "enabled", matchIfMissing = true)
@RequestMapping("/api/v1/admin/sinks")
class SinkAdminController {

    private final DeliveryEngine engine;

    SinkAdminController(DeliveryEngine engine) {
        this.engine = engine;
    }

    @GetMapping
    List<Map<String, Object>> sinks() throws Exception {
        List<Map<String, Object>> out = new java.util.ArrayList<>();
        for (Sink s : engine.sinks()) {
            out.add(describe(s));
        }
        return out;
    }

    @GetMapping("/{sink}")
    Map<String, Object> sink(@PathVariable String sink) throws Exception {
        return describe(require(sink));
    }

    /** Re-enqueues every interval starting in [from, to) with its stable payload id; 202 with the count. */
    @PostMapping("/{sink}/replay")
    ResponseEntity<Map<String, Object>> replay(@PathVariable String sink, @RequestParam Instant from,
            @RequestParam Instant to) throws Exception {
        Sink s = require(sink);
        if (!from.isBefore(to)) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "from must be before to");
        }
        int n = engine.store().replay(s.name(), s.shape(), from, to);
        engine.resume(s.name());
        return ResponseEntity.accepted().body(Map.of("sink", s.name(), "enqueued", n, "from", from.toString(),
                "to", to.toString()));
    }

    @GetMapping("/{sink}/dead-letters")
    List<DeliveryStore.DeadLetter> deadLetters(@PathVariable String sink,
            @RequestParam(defaultValue = "100") int limit) throws Exception {
        return engine.store().deadLetters(require(sink).name(), Math.min(Math.max(limit, 1), 1000));
    }

    @PostMapping("/{sink}/dead-letters/retry")
    ResponseEntity<Map<String, Object>> retryDeadLetters(@PathVariable String sink) throws Exception {
        Sink s = require(sink);
        int n = engine.store().retryDeadLetters(s.name());
        engine.resume(s.name());
        return ResponseEntity.accepted().body(Map.of("sink", s.name(), "requeued", n));
    }

    private Sink require(String name) {
        Sink s = engine.sink(name);
        if (s == null) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, "no sink named '" + name + "'");
        }
        return s;
    }

    private Map<String, Object> describe(Sink s) throws Exception {
        DeliveryStore.Stats st = engine.store().stats(s.name());
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", s.name());
        m.put("granularity", s.shape().granularity().name());
        m.put("finalOnly", s.shape().finalOnly());
        m.put("pending", st.pending());
        m.put("deadLettered", st.deadLettered());
        m.put("oldestPending", st.oldestPending() == null ? null : st.oldestPending().toString());
        m.put("changesNotTakenOver", st.untaken());
        return m;
    }
}
