package io.streamvane.model.kpi;

/**
 * What one ACD event adds to the queue row of the interval holding its eventTime (SPEC §2 attribution table).
 * Agent components come from {@link AgentSegment}, not from here.
 */
public final class QueueContribution {

    private static final IntervalComponents OFFERED = IntervalComponents.builder().offered(1).build();

    private QueueContribution() {
    }

    /** An {@code acd.start}: the interaction was offered to the queue. */
    public static IntervalComponents ofAcdStart() {
        return OFFERED;
    }

    /**
     * An {@code acd.end}. Answered within SL means wait &lt;= threshold (a wait exactly at the threshold meets it);
     * a short abandon means wait &lt; short-abandon threshold (exactly at the threshold is a normal abandon), and an
     * abandon within SL means wait &lt;= SL threshold, as for an answer. Outcomes that are neither answered, abandoned nor flowed out add nothing.
     *
     * @param connectedDurationMs the time in queue; must not be negative (reject such events at the edge)
     */
    public static IntervalComponents ofAcdEnd(AcdOutcome outcome, long connectedDurationMs, ServiceLevelSettings s) {
        if (connectedDurationMs < 0) {
            throw new IllegalArgumentException("connectedDurationMs must not be negative: " + connectedDurationMs);
        }
        return switch (outcome) {
            case ANSWERED -> IntervalComponents.builder()
                    .answered(1)
                    .answerWaitMs(connectedDurationMs)
                    .answeredWithinSl(connectedDurationMs <= s.slThreshold().toMillis() ? 1 : 0)
                    .build();
            case ABANDON -> {
                boolean isShort = connectedDurationMs < s.shortAbandonThreshold().toMillis();
                yield IntervalComponents.builder()
                        .abandoned(1)
                        .abandonWaitMs(connectedDurationMs)
                        .shortAbandoned(isShort ? 1 : 0)
                        .set(QueueMetric.SHORT_ABANDON_WAIT_MS, isShort ? connectedDurationMs : 0)
                        .set(QueueMetric.ABANDONED_WITHIN_SL, connectedDurationMs <= s.slThreshold().toMillis() ? 1 : 0)
                        .build();
            }
            case FLOW_OUT -> IntervalComponents.builder()
                    .flowOuts(1)
                    .set(QueueMetric.FLOW_OUT_WAIT_MS, connectedDurationMs)
                    .build();
            case UNKNOWN -> IntervalComponents.ZERO;
        };
    }
}
