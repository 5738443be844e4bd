package io.streamvane.testsupport.servicebus;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/** Failures a test switches on: read by the broker's thread, set from the test's. */
final class Faults {

    final AtomicBoolean refuseTokens = new AtomicBoolean();
    private final AtomicInteger lockLostAnswers = new AtomicInteger();

    void answerLockLost(int settlements) {
        lockLostAnswers.addAndGet(settlements);
    }

    /** Whether this settlement is one of those to answer with lock-lost; counts it down if so. */
    boolean takeLockLost() {
        return lockLostAnswers.getAndUpdate(n -> n > 0 ? n - 1 : 0) > 0;
    }
}
