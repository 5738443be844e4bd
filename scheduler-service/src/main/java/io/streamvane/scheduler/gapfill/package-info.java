/** Fills recorded ingestion gaps (and requested ranges) from the conversation aggregates API, in resumable chunks. */
package io.streamvane.scheduler.gapfill;
