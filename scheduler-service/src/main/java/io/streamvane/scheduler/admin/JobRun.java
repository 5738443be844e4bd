package io.streamvane.scheduler.admin;

/** The answer to running a job now: {@code ran} false when another replica holds its lock. */
record JobRun(String job, boolean ran) {
}
