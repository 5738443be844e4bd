package io.streamvane.model.kpi;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.ToLongFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The catalogue of queue interval metrics (SPEC §2): each metric once, as data and the function that gives its value
 * from a row's components. Every surface (REST rows and OpenAPI, the OData EDM, the reporting views, the WFM,
 * RabbitMQ and Power BI payloads, the wallboard) carries these names and these values; tests in each module fail
 * when a surface lacks, renames or re-derives one. Adding a metric is one entry here, one component of
 * {@link IntervalComponents}, one projection rule and one migration.
 */
public enum QueueMetric {

    OFFERED("nOffered", Kind.COUNT, "acd.start", false, IntervalComponents::offered),
    ANSWERED("tAnswered.count", Kind.COUNT, "acd.end ANSWERED", false, IntervalComponents::answered),
    ANSWERED_WITHIN_SL("oServiceLevel.numerator (tAnswered.count − nOverSla.count)", Kind.COUNT,
            "acd.end ANSWERED with wait ≤ the SL threshold", true, IntervalComponents::answeredWithinSl),
    ABANDONED("tAbandon.count", Kind.COUNT, "acd.end ABANDON", false, IntervalComponents::abandoned),
    SHORT_ABANDONED("tShortAbandon.count", Kind.COUNT, "acd.end ABANDON with wait < the short-abandon threshold",
            true, IntervalComponents::shortAbandoned),
    FLOW_OUTS("tFlowOut.count", Kind.COUNT, "acd.end FLOW_OUT", false, IntervalComponents::flowOuts),
    ANSWER_WAIT_MS("tAnswered.sum", Kind.DURATION_SUM, "acd.end ANSWERED", false, IntervalComponents::answerWaitMs),
    ABANDON_WAIT_MS("tAbandon.sum", Kind.DURATION_SUM, "acd.end ABANDON", false, IntervalComponents::abandonWaitMs),
    HANDLED("tHandle.count", Kind.COUNT, "agent segment completes (latest user.end / acw)", false,
            IntervalComponents::handled),
    HANDLE_MS("tHandle.sum", Kind.DURATION_SUM, "agent segment completes (latest user.end / acw)", false,
            IntervalComponents::handleMs),
    TALK_MS("tTalk.sum", Kind.DURATION_SUM, "agent segment completes (latest user.end / acw)", false,
            IntervalComponents::talkMs),
    HOLD_MS("tHeld.sum", Kind.DURATION_SUM, "agent segment completes (latest user.end / acw)", false,
            IntervalComponents::holdMs),
    ACW_MS("tAcw.sum", Kind.DURATION_SUM, "agent segment completes (latest user.end / acw)", false,
            IntervalComponents::acwMs),
    ABANDONED_WITHIN_SL("none (abandons a supervisor could not have saved: tAbandon ≤ the SL threshold)", Kind.COUNT,
            "acd.end ABANDON with wait ≤ the SL threshold", true, IntervalComponents::abandonedWithinSl),
    SHORT_ABANDON_WAIT_MS("tShortAbandon.sum", Kind.DURATION_SUM,
            "acd.end ABANDON with wait < the short-abandon threshold", true, IntervalComponents::shortAbandonWaitMs),
    FLOW_OUT_WAIT_MS("tFlowOut.sum", Kind.DURATION_SUM, "acd.end FLOW_OUT", false, IntervalComponents::flowOutWaitMs),
    HELD("tHeld.count", Kind.COUNT, "agent segment completes (latest user.end / acw), when it has hold time", false,
            IntervalComponents::held),
    WRAPPED_UP("tAcw.count", Kind.COUNT, "agent segment completes (latest user.end / acw), when it has an acw", false,
            IntervalComponents::wrappedUp),
    ALERTS("tAlert.count", Kind.COUNT, "user.end with alertingDurationMs > 0", false, IntervalComponents::alerts),
    ALERT_MS("tAlert.sum", Kind.DURATION_SUM, "user.end with alertingDurationMs > 0", false,
            IntervalComponents::alertMs),
    NOT_RESPONDING("tNotResponding.count", Kind.COUNT,
            "user.end of an alert never answered, disconnectType NO_ANSWER_TRANSFER", false,
            IntervalComponents::notResponding),
    NOT_RESPONDING_MS("tNotResponding.sum", Kind.DURATION_SUM,
            "user.end of an alert never answered, disconnectType NO_ANSWER_TRANSFER", false,
            IntervalComponents::notRespondingMs),
    TRANSFERRED("nTransferred", Kind.COUNT, "user.end of an answered participation with a transfer disconnectType",
            false, IntervalComponents::transferred),
    BLIND_TRANSFERRED("nBlindTransferred", Kind.COUNT, "user.end of an answered participation, disconnectType TRANSFER",
            false, IntervalComponents::blindTransferred),
    CONSULT_TRANSFERRED("nConsultTransferred", Kind.COUNT,
            "user.end of an answered participation, disconnectType CONSULT_TRANSFER", false,
            IntervalComponents::consultTransferred),
    DIALING_MS("tDialing.sum", Kind.DURATION_SUM, "agent segment completes (latest user.end / acw)", false,
            IntervalComponents::dialingMs),
    CONTACTING_MS("tContacting.sum", Kind.DURATION_SUM, "agent segment completes (latest user.end / acw)", false,
            IntervalComponents::contactingMs),

    SERVICE_LEVEL("oServiceLevel.ratio", Kind.RATIO, "derived", true,
            (c, s) -> DerivedKpis.of(c, s).serviceLevel()),
    ASA_SECONDS("tAnswered.sum / tAnswered.count", Kind.RATIO, "derived", false,
            (c, s) -> DerivedKpis.of(c, s).asaSeconds()),
    AHT_SECONDS("tHandle.sum / tHandle.count", Kind.RATIO, "derived", false,
            (c, s) -> DerivedKpis.of(c, s).ahtSeconds()),
    ABANDON_RATE("tAbandon.count / nOffered", Kind.RATIO, "derived", false,
            (c, s) -> DerivedKpis.of(c, s).abandonRate()),
    OVER_SLA("nOverSla", Kind.DERIVED_COUNT, "derived", true, (c, s) -> DerivedKpis.of(c, s).overSla()),
    TRANSFER_RATE("nTransferred / tAnswered.count", Kind.RATIO, "derived", false,
            (c, s) -> DerivedKpis.of(c, s).transferRate());

    /** How a metric adds up across buckets. */
    public enum Kind {
        /** an additive count, stored */
        COUNT,
        /** an additive sum of milliseconds, stored, paired with the count it averages over */
        DURATION_SUM,
        /** a ratio derived from stored components, never stored itself; null when its denominator is 0 */
        RATIO,
        /** a count derived from stored counts (a difference), never stored itself */
        DERIVED_COUNT
    }

    /**
     * A Genesys conversation-aggregate stat: the metric and whether it is its {@code stats.sum} (else
     * {@code stats.count}).
     */
    public record GenesysStat(String metric, boolean sum) {
    }


    /** The dimensions every queue metric has: a row is one queue, media type and interval. */
    public static final List<String> DIMENSIONS = List.of("queueId", "mediaType", "intervalStart", "intervalEnd");

    // Derived from the constant's name once: every payload row reads them.
    private final String field = MetricNames.field(name());
    private final String column = MetricNames.column(name());
    private final String genesys;
    private final Kind kind;
    private final String completedBy;
    private final boolean serviceLevelDependent;
    private final BiFunction<IntervalComponents, ServiceLevelSettings, Number> value;
    private final ToLongFunction<IntervalComponents> component;
    private int componentIndex = -1;
    private Optional<GenesysStat> genesysStat;

    private static final Pattern GENESYS_STAT = Pattern.compile("([nt][A-Z][A-Za-z]*)(?:\\.(count|sum))?");
    private static final List<QueueMetric> COMPONENTS =
            Arrays.stream(values()).filter(QueueMetric::stored).toList();
    private static final List<QueueMetric> DERIVED =
            Arrays.stream(values()).filter(m -> !m.stored()).toList();

    static {
        for (int i = 0; i < COMPONENTS.size(); i++) {
            COMPONENTS.get(i).componentIndex = i;
        }
        for (QueueMetric m : values()) {
            Matcher name = GENESYS_STAT.matcher(m.genesys);
            m.genesysStat = m.stored() && name.matches()
                    ? Optional.of(new GenesysStat(name.group(1), "sum".equals(name.group(2)))) : Optional.empty();
        }
    }

    /** The metric a surface names {@code field} (camelCase, as on REST and in payloads). */
    public static QueueMetric ofField(String field) {
        return Arrays.stream(values()).filter(m -> m.field.equals(field)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no queue metric is named " + field));
    }

    QueueMetric(String genesys, Kind kind, String completedBy, boolean serviceLevelDependent,
            ToLongFunction<IntervalComponents> component) {
        this(genesys, kind, completedBy, serviceLevelDependent, (c, s) -> component.applyAsLong(c), component);
    }

    QueueMetric(String genesys, Kind kind, String completedBy, boolean serviceLevelDependent,
            BiFunction<IntervalComponents, ServiceLevelSettings, Number> value) {
        this(genesys, kind, completedBy, serviceLevelDependent, value, null);
    }

    private QueueMetric(String genesys, Kind kind, String completedBy, boolean serviceLevelDependent,
            BiFunction<IntervalComponents, ServiceLevelSettings, Number> value,
            ToLongFunction<IntervalComponents> component) {
        this.genesys = genesys;
        this.kind = kind;
        this.completedBy = completedBy;
        this.serviceLevelDependent = serviceLevelDependent;
        this.value = value;
        this.component = component;
    }

    /** The camelCase name every JSON surface uses (REST, OData, payloads, wallboard). */
    public String field() {
        return field;
    }

    /** The snake_case name of the store's column and the reporting views' column. */
    public String column() {
        return column;
    }

    /** The Genesys analytics metric it equals (conversation aggregates, SPEC §2). */
    public String genesys() {
        return genesys;
    }

    /**
     * The Genesys stat a stored component equals, read from {@link #genesys()}; empty for derived metrics and for
     * components Genesys does not report under a metric of their own (answered within SL is tAnswered.count −
     * nOverSla; abandoned within SL has no Genesys metric).
     */
    public Optional<GenesysStat> genesysStat() {
        return genesysStat;
    }

    public Kind kind() {
        return kind;
    }

    /** Stored components are counts and sums; ratios and derived counts are computed from them. */
    public boolean stored() {
        return kind == Kind.COUNT || kind == Kind.DURATION_SUM;
    }

    /** Its position among the stored components, which is its position in {@link IntervalComponents}. */
    int componentIndex() {
        if (componentIndex < 0) {
            throw new IllegalArgumentException(this + " is derived, not a stored component");
        }
        return componentIndex;
    }

    /** A stored component's value in a row, without boxing. */
    long componentOf(IntervalComponents components) {
        return component.applyAsLong(components);
    }

    /**
     * Whether an agent's own event completes it (its segment or its user.end), so that it is also counted per agent
     * and queue (agent_queue_interval); the ACD metrics are the queue's alone.
     */
    public boolean byAgent() {
        return stored() && (completedBy.startsWith("agent segment") || completedBy.startsWith("user.end"));
    }

    /** The stored components an agent's own events complete, in catalogue order. */
    public static List<QueueMetric> agentComponents() {
        return COMPONENTS.stream().filter(QueueMetric::byAgent).toList();
    }

    /** The event that completes it; the metric lands in the interval of that event's eventTime. */
    public String completedBy() {
        return completedBy;
    }

    /** Whether the service-level settings change it (its thresholds at projection, its options at derivation). */
    public boolean serviceLevelDependent() {
        return serviceLevelDependent;
    }

    /** Its value for a row's components under the row's SL settings; a ratio is null when undefined. */
    public Number valueOf(IntervalComponents components, ServiceLevelSettings settings) {
        return value.apply(components, settings);
    }

    /** The stored components, in {@link IntervalComponents} order. */
    public static List<QueueMetric> components() {
        return COMPONENTS;
    }

    /** The derived ratios. */
    public static List<QueueMetric> derived() {
        return DERIVED;
    }
}
