package io.streamvane.platform.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Refused credentials per client address, in fixed windows: an address that sends {@code maxFailures} refused
 * credentials within a window is refused outright (429) until the window ends, so keys cannot be guessed at speed.
 * Every first refusal of an address in a window and every block is logged, naming the address, never the credential.
 * At most {@link #MAX_ADDRESSES} addresses are tracked; past that, ended windows are swept, and if none has ended
 * the table starts afresh rather than grow without bound.
 */
public final class FailedAuthentications {

    static final int MAX_ADDRESSES = 10_000;
    private static final Logger AUDIT = LoggerFactory.getLogger("io.streamvane.security.audit");

    private final int maxFailures;
    private final Duration window;
    private final Clock clock;
    private final Map<String, Window> byAddress = new ConcurrentHashMap<>();

    public FailedAuthentications(int maxFailures, Duration window, Clock clock) {
        this.maxFailures = maxFailures;
        this.window = window;
        this.clock = clock;
    }

    /** When {@code address} may try again, if it is refused outright now. */
    public Optional<Instant> blockedUntil(String address) {
        Instant now = clock.instant();
        Window w = byAddress.get(address);
        return w != null && w.end.isAfter(now) && w.failures >= maxFailures ? Optional.of(w.end) : Optional.empty();
    }

    /** A credential from {@code address} was refused. */
    public void refused(String address, String what) {
        Instant now = clock.instant();
        if (byAddress.size() >= MAX_ADDRESSES && !byAddress.containsKey(address)) {
            byAddress.values().removeIf(w -> !w.end.isAfter(now));
            if (byAddress.size() >= MAX_ADDRESSES) {
                byAddress.clear();
            }
        }
        Window w = byAddress.compute(address, (a, old) -> old == null || !old.end.isAfter(now)
                ? new Window(now.plus(window), 1) : new Window(old.end, old.failures + 1));
        if (w.failures == 1) {
            AUDIT.info("authentication refused from {}: {}", address, what);
        } else if (w.failures == maxFailures) {
            AUDIT.warn("authentication refused {} times from {} within {}: every request from it is refused until {}",
                    w.failures, address, window, w.end);
        }
    }

    int tracked() {
        return byAddress.size();
    }

    private record Window(Instant end, int failures) {
    }
}
