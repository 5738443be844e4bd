package io.streamvane.model.kpi;

/**
 * The ratios of SPEC §2, computed from stored components so a change of settings restates history without
 * reprocessing. Each is null when its denominator is zero: "no calls" is not "0 %".
 *
 * @param serviceLevel fraction 0..1 of the SL denominator answered within the threshold
 * @param asaSeconds   average speed of answer
 * @param ahtSeconds   average handle time
 * @param abandonRate  abandoned / offered; may exceed 1 because the two land in different intervals, as in Genesys
 * @param overSla      Genesys nOverSla: answered after the SL threshold (answered − answeredWithinSl)
 * @param transferRate transferred / answered, Genesys' "Transfer %"; the two land in the intervals of different
 *                     events, so per interval it can exceed 1
 */
public record DerivedKpis(Double serviceLevel, Double asaSeconds, Double ahtSeconds, Double abandonRate,
        long overSla, Double transferRate) {

    public static DerivedKpis of(IntervalComponents c, ServiceLevelSettings s) {
        return new DerivedKpis(
                ratio(c.answeredWithinSl(), serviceLevelDenominator(c, s)),
                ratio(c.answerWaitMs(), c.answered() * 1000),
                ratio(c.handleMs(), c.handled() * 1000),
                ratio(c.abandoned(), c.offered()),
                c.answered() - c.answeredWithinSl(),
                ratio(c.transferred(), c.answered()));
    }

    /**
     * answered + abandoned − (excludeShortAbandons ? shortAbandoned : 0) + (includeFlowOuts ? flowOuts : 0), with
     * both abandon terms dropped when includeAbandons is false.
     */
    public static long serviceLevelDenominator(IntervalComponents c, ServiceLevelSettings s) {
        long d = c.answered();
        if (s.includeAbandons()) {
            d += c.abandoned() - (s.excludeShortAbandons() ? c.shortAbandoned() : 0);
        }
        if (s.includeFlowOuts()) {
            d += c.flowOuts();
        }
        return d;
    }

    // A negative denominator only comes from an inconsistent row; no ratio is better than a nonsensical one.
    private static Double ratio(long numerator, long denominator) {
        return denominator <= 0 ? null : (double) numerator / denominator;
    }
}
