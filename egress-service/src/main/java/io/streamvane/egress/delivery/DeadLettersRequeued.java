package io.streamvane.egress.delivery;

/** The answer to a dead-letter retry: how many of the sink's dead letters are pending again. */
record DeadLettersRequeued(String sink, int requeued) {
}
