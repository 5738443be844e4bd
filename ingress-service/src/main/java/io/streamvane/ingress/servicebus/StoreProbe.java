package io.streamvane.ingress.servicebus;

/** Answers whether the metrics store takes writes again, so a paused processor can resume. */
@FunctionalInterface
interface StoreProbe {

    boolean storeAvailable();
}
