package io.streamvane.model.kpi;

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
}
