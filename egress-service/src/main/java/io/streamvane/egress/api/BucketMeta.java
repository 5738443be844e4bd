package io.streamvane.egress.api;

import io.streamvane.model.kpi.Granularity;
import io.streamvane.model.kpi.Interval;
import java.time.Instant;

/**
 * Finality and revision of one reported agent bucket, from the stored base rows inside it. Queue rows no longer use
 * it: they are judged by the shared {@code Finality.isFinal(bucket, watermark, storedRows)} in the one reader of queue
 * interval rows; agent rows keep this rule until they are read the same way.
 * <ul>
 *   <li>{@code revision} is the <em>sum</em> of the base rows' revisions: each base revision only grows, so the sum
 *       grows whenever any part of the bucket is restated (a maximum would miss a restatement of a lower one);</li>
 *   <li>{@code final} holds when every stored base row is final and every base bucket without a row lies before
 *       the end of the latest final row of the series (finality advances with the watermark, so a missing bucket
 *       before it can no longer receive data).</li>
 * </ul>
 */
record BucketMeta(int stored, long revision, boolean allStoredFinal) {

    static final BucketMeta EMPTY = new BucketMeta(0, 0, true);

    BucketMeta plus(int revision, boolean isFinal) {
        return new BucketMeta(stored + 1, this.revision + revision, allStoredFinal && isFinal);
    }

    boolean isFinal(Interval bucket, Granularity base, Instant latestFinalEnd) {
        long expected = bucket.duration().toSeconds() / base.duration().toSeconds();
        if (!allStoredFinal) {
            return false;
        }
        if (stored >= expected) {
            return true;
        }
        return latestFinalEnd != null && !bucket.end().isAfter(latestFinalEnd);
    }
}
