package io.streamvane.egress.delivery;

import java.time.Instant;

/** The answer to a sink replay: how many intervals starting in [from, to) were enqueued again. */
record ReplayAccepted(String sink, int enqueued, Instant from, Instant to) {
}
