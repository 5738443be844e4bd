package io.streamvane.model.kpi;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;

/** The catalogue is the components record, name for name, and its values are the SPEC §2 functions. */
class QueueMetricTest {

    @Test
    void theStoredMetricsAreExactlyTheComponentsInOrder() {
        assertThat(QueueMetric.components()).extracting(QueueMetric::field)
                .containsExactly(Arrays.stream(IntervalComponents.class.getRecordComponents())
                        .map(RecordComponent::getName).toArray(String[]::new));
    }

    @Test
    void theDerivedMetricsAreExactlyTheDerivedKpis() {
        assertThat(QueueMetric.derived()).extracting(QueueMetric::field)
                .containsExactly(Arrays.stream(DerivedKpis.class.getRecordComponents())
                        .map(RecordComponent::getName).toArray(String[]::new));
    }

    @Test
    void namesFollowTheSurfaces() {
        assertThat(QueueMetric.ANSWERED_WITHIN_SL.field()).isEqualTo("answeredWithinSl");
        assertThat(QueueMetric.ANSWERED_WITHIN_SL.column()).isEqualTo("answered_within_sl");
        assertThat(QueueMetric.AHT_SECONDS.field()).isEqualTo("ahtSeconds");
        assertThat(QueueMetric.values()).allSatisfy(m -> assertThat(m.genesys()).isNotBlank());
    }

    @Test
    void theCatalogueSaysWhichEventCompletesEachMetricAndWhichOnesTheSlSettingsChange() {
        assertThat(QueueMetric.values()).allSatisfy(m -> assertThat(m.completedBy()).isNotBlank());
        assertThat(QueueMetric.OFFERED.completedBy()).isEqualTo("acd.start");
        assertThat(QueueMetric.components()).filteredOn(m -> m.column().startsWith("answer"))
                .allSatisfy(m -> assertThat(m.completedBy()).startsWith("acd.end ANSWERED"));
        assertThat(QueueMetric.components()).filteredOn(m -> m.completedBy().startsWith("agent segment completes"))
                .containsExactly(QueueMetric.HANDLED, QueueMetric.HANDLE_MS, QueueMetric.TALK_MS, QueueMetric.HOLD_MS,
                        QueueMetric.ACW_MS, QueueMetric.HELD, QueueMetric.WRAPPED_UP, QueueMetric.DIALING_MS,
                        QueueMetric.CONTACTING_MS);
        assertThat(QueueMetric.components()).filteredOn(m -> m.completedBy().startsWith("user.end"))
                .containsExactly(QueueMetric.ALERTS, QueueMetric.ALERT_MS, QueueMetric.NOT_RESPONDING,
                        QueueMetric.NOT_RESPONDING_MS, QueueMetric.TRANSFERRED, QueueMetric.BLIND_TRANSFERRED,
                        QueueMetric.CONSULT_TRANSFERRED);
        assertThat(QueueMetric.values()).filteredOn(QueueMetric::serviceLevelDependent)
                .containsExactly(QueueMetric.ANSWERED_WITHIN_SL, QueueMetric.SHORT_ABANDONED,
                        QueueMetric.ABANDONED_WITHIN_SL, QueueMetric.SHORT_ABANDON_WAIT_MS, QueueMetric.SERVICE_LEVEL,
                        QueueMetric.OVER_SLA);
        assertThat(QueueMetric.derived()).allSatisfy(m -> assertThat(m.kind())
                .isIn(QueueMetric.Kind.RATIO, QueueMetric.Kind.DERIVED_COUNT));
        assertThat(QueueMetric.components()).filteredOn(m -> m.column().endsWith("_ms"))
                .allSatisfy(m -> assertThat(m.kind()).isEqualTo(QueueMetric.Kind.DURATION_SUM));
    }

    @Property
    void eachValueIsItsComponentOrItsDerivedKpi(@ForAll @LongRange(min = 0, max = 1000) long answered,
            @ForAll @LongRange(min = 0, max = 1000) long abandoned, @ForAll @LongRange(min = 0, max = 1000) long shorts,
            @ForAll @LongRange(min = 0, max = 10_000_000) long waitMs, @ForAll boolean includeFlowOuts) {
        IntervalComponents c = IntervalComponents.builder().offered(answered + abandoned).answered(answered)
                .answeredWithinSl(answered / 2).abandoned(abandoned).shortAbandoned(Math.min(shorts, abandoned))
                .flowOuts(shorts).answerWaitMs(waitMs).handled(answered).handleMs(waitMs * 3).build();
        ServiceLevelSettings s = ServiceLevelSettings.DEFAULTS;
        s = new ServiceLevelSettings(s.slThreshold(), s.shortAbandonThreshold(), true, true, includeFlowOuts);
        DerivedKpis d = DerivedKpis.of(c, s);

        assertThat(QueueMetric.FLOW_OUTS.valueOf(c, s)).isEqualTo(c.flowOuts());
        assertThat(QueueMetric.HANDLE_MS.valueOf(c, s)).isEqualTo(c.handleMs());
        assertThat(QueueMetric.SERVICE_LEVEL.valueOf(c, s)).isEqualTo(d.serviceLevel());
        assertThat(QueueMetric.ASA_SECONDS.valueOf(c, s)).isEqualTo(d.asaSeconds());
        assertThat(QueueMetric.AHT_SECONDS.valueOf(c, s)).isEqualTo(d.ahtSeconds());
        assertThat(QueueMetric.ABANDON_RATE.valueOf(c, s)).isEqualTo(d.abandonRate());
    }
}
