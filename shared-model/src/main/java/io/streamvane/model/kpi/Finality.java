package io.streamvane.model.kpi;

import java.util.Collection;
import java.util.Objects;

/** When an interval stops changing in the normal course (SPEC §2). */
public final class Finality {

    private Finality() {
    }

    /**
     * Final once the watermark has reached the interval's end: every instant of {@code [start, end)} is then older
     * than the watermark, i.e. more than the allowed lateness behind the newest event. The watermark already has the
     * lateness subtracted ({@link Watermark}), so none is subtracted here. A later event still counts and restates.
     */
    public static boolean isFinal(Interval interval, Watermark watermark) {
        return !watermark.value().isBefore(interval.end());
    }

    /**
     * Whether a reported bucket of any granularity, the sum of the stored base rows inside it, is final: every stored
     * base row is final (marked by the engine's finality sweep, so a bucket is never reported final before the sweep
     * marked what it holds) and the watermark has reached the bucket's end. A base bucket without a row (no event
     * landed in it) counts for nothing but that watermark, so a half-hour with a quiet second quarter is final once the
     * watermark has passed the half-hour's end.
     *
     * <p>The watermark reaching the end is known either from {@code watermark} or from the sweep itself: the sweep marks
     * a row final only once the watermark has reached the row's end, so a final stored row ending where the bucket ends
     * shows that the watermark reached the bucket's end, even if the effective watermark read now is behind it (every
     * source idle beyond its timeout reads as {@link Watermark#NONE}). Without that, a bucket once final would read
     * open again whenever ingestion pauses.
     *
     * @param bucket         the reported bucket, {@code [start, end)}
     * @param watermark      the effective watermark, lateness already subtracted
     * @param storedBaseRows the stored base rows inside {@code bucket}, none for a bucket without data
     * @throws IllegalArgumentException when a stored row is not inside the bucket
     */
    public static boolean isFinal(Interval bucket, Watermark watermark, Collection<StoredRow> storedBaseRows) {
        boolean endReached = isFinal(bucket, watermark);
        for (StoredRow row : storedBaseRows) {
            if (row.interval().start().isBefore(bucket.start()) || row.interval().end().isAfter(bucket.end())) {
                throw new IllegalArgumentException("stored row " + row.interval() + " is not inside " + bucket);
            }
            if (!row.isFinal()) {
                return false;
            }
            endReached |= row.interval().end().equals(bucket.end());
        }
        return endReached;
    }

    /** A stored base row as finality sees it: where it lies and whether the sweep has marked it final. */
    public record StoredRow(Interval interval, boolean isFinal) {

        public StoredRow {
            Objects.requireNonNull(interval, "interval");
        }
    }
}
