package io.streamvane.testsupport.servicebus;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A readable record of the link traffic (attach, flow, transfer, disposition, detach), kept when a test asks. */
final class WireTrace {

    private static final int LIMIT = 20_000;
    private volatile boolean on;
    private final List<String> lines = new CopyOnWriteArrayList<>();

    void on() {
        on = true;
    }

    void note(String format, Object... args) {
        if (on && lines.size() < LIMIT) {
            lines.add(System.currentTimeMillis() % 100_000 + " " + String.format(format, args));
        }
    }

    List<String> lines() {
        return List.copyOf(lines);
    }
}
