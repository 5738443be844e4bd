package io.streamvane.scheduler;

import io.streamvane.scheduler.genesys.Sleeper;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Records the waits it is asked for and returns at once. */
public final class RecordingSleeper implements Sleeper {

    public final List<Duration> sleeps = new CopyOnWriteArrayList<>();

    @Override
    public void sleep(Duration duration) {
        sleeps.add(duration);
    }
}
