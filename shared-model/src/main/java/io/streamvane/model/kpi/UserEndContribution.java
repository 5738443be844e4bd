package io.streamvane.model.kpi;

/**
 * What one {@code user.end} adds, by itself, to the queue row of the interval holding its eventTime: its alert, a
 * missed alert, a transfer. Genesys posts these when the alert or the transfer ends, which is when the participation
 * ends for a missed alert and a transfer; an answered alert ends earlier, but no event carries that moment with the
 * alert's duration, so tAlert of an answered interaction lands with its user.end. The handle components come from the
 * whole {@link AgentSegment} instead, because they complete with its last event.
 */
public final class UserEndContribution {

    private UserEndContribution() {
    }

    /**
     * @param interactingMs interactingDurationMs; with heldMs, whether the agent took the interaction
     * @param heldMs        heldDurationMs
     * @param alertingMs    alertingDurationMs; an alert is counted when it is positive
     */
    public static IntervalComponents of(UserEndReason reason, long interactingMs, long heldMs, long alertingMs) {
        if (interactingMs < 0 || heldMs < 0 || alertingMs < 0) {
            throw new IllegalArgumentException("durations must not be negative: " + interactingMs + ", " + heldMs
                    + ", " + alertingMs);
        }
        boolean engaged = interactingMs > 0 || heldMs > 0;
        boolean alerted = alertingMs > 0;
        boolean missed = alerted && !engaged && reason == UserEndReason.ALERT_TIMEOUT;
        boolean transferred = engaged && reason.isTransfer();
        return IntervalComponents.builder()
                .set(QueueMetric.ALERTS, alerted ? 1 : 0)
                .set(QueueMetric.ALERT_MS, alertingMs)
                .set(QueueMetric.NOT_RESPONDING, missed ? 1 : 0)
                .set(QueueMetric.NOT_RESPONDING_MS, missed ? alertingMs : 0)
                .set(QueueMetric.TRANSFERRED, transferred ? 1 : 0)
                .set(QueueMetric.BLIND_TRANSFERRED, transferred && reason == UserEndReason.BLIND_TRANSFER ? 1 : 0)
                .set(QueueMetric.CONSULT_TRANSFERRED, transferred && reason == UserEndReason.CONSULT_TRANSFER ? 1 : 0)
                .build();
    }
}
