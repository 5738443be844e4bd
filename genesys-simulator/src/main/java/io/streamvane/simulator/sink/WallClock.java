package io.streamvane.simulator.sink;

/** The wall clock pacing waits on; replaceable so tests of pacing do not sleep. */
public interface WallClock {

    long nanoTime();

    void sleepNanos(long nanos) throws InterruptedException;

    static WallClock system() {
        return new WallClock() {
            @Override
            public long nanoTime() {
                return System.nanoTime();
            }

            @Override
            public void sleepNanos(long nanos) throws InterruptedException {
                Thread.sleep(nanos / 1_000_000, (int) (nanos % 1_000_000));
            }
        };
    }
}
