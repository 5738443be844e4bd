package io.streamvane.scheduler.genesys;

import java.time.Duration;

/** Waits between attempts; injectable so tests assert the delay instead of spending it. */
@FunctionalInterface
public interface Sleeper {

    Sleeper REAL = d -> Thread.sleep(d.toMillis());

    void sleep(Duration duration) throws InterruptedException;
}
