package io.streamvane.model.kpi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.Map;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** The one rule that turns a wallboard value into NORMAL, WARNING or CRITICAL, and how its layers resolve. */
class AlertPolicyTest {

    // Level of a value

    @Property
    void aWorseValueNeverHasABetterLevel(@ForAll("thresholds") AlertThreshold t,
            @ForAll("values") double a, @ForAll("values") double b) {
        double better = t.metric().higherIsWorse() ? Math.min(a, b) : Math.max(a, b);
        double worse = t.metric().higherIsWorse() ? Math.max(a, b) : Math.min(a, b);

        assertThat(t.level(better)).isLessThanOrEqualTo(t.level(worse));
    }

    @Property
    void aBoundIsTheLastValueAtTheBetterLevel(@ForAll("thresholds") AlertThreshold t) {
        double step = t.metric().higherIsWorse() ? 1e-6 : -1e-6;
        assertThat(t.level(t.warning())).isEqualTo(AlertLevel.NORMAL);
        assertThat(t.level(t.critical())).isIn(AlertLevel.NORMAL, AlertLevel.WARNING);
        assertThat(t.level(t.critical() + step)).isEqualTo(AlertLevel.CRITICAL);
        if (t.warning() != t.critical()) {
            assertThat(t.level(t.warning() + step)).isEqualTo(AlertLevel.WARNING);
        }
    }

    @Example
    void serviceLevelBelowIsWorseAndTheOtherMetricsAboveIsWorse() {
        AlertThresholds d = AlertThresholds.DEFAULTS;
        assertThat(d.level(AlertMetric.SERVICE_LEVEL, 0.8)).isEqualTo(AlertLevel.NORMAL);
        assertThat(d.level(AlertMetric.SERVICE_LEVEL, 0.79)).isEqualTo(AlertLevel.WARNING);
        assertThat(d.level(AlertMetric.SERVICE_LEVEL, 0.59)).isEqualTo(AlertLevel.CRITICAL);
        assertThat(d.level(AlertMetric.LONGEST_WAIT, 60.0)).isEqualTo(AlertLevel.NORMAL);
        assertThat(d.level(AlertMetric.LONGEST_WAIT, 181.0)).isEqualTo(AlertLevel.CRITICAL);
        assertThat(d.level(AlertMetric.WAITING, 6.0)).isEqualTo(AlertLevel.WARNING);
        assertThat(d.level(AlertMetric.ABANDON_RATE, 0.2)).isEqualTo(AlertLevel.CRITICAL);
        assertThat(d.level(AlertMetric.ASA, 31.0)).isEqualTo(AlertLevel.WARNING);
    }

    @Example
    void noValueIsNothingToAlertOn() {
        assertThat(AlertThresholds.DEFAULTS.level(AlertMetric.SERVICE_LEVEL, null)).isEqualTo(AlertLevel.NORMAL);
        assertThat(AlertThresholds.DEFAULTS.level(AlertMetric.ASA, Double.NaN)).isEqualTo(AlertLevel.NORMAL);
    }

    // Layering

    /** What each of the four layers sets for service level and waiting; absent means unset. */
    record Layers(Bounds global, Bounds media, Bounds queue, Bounds both) {
    }

    record Bounds(Optional<Double> slWarning, Optional<Double> slCritical, Optional<Double> waitingWarning,
            Optional<Double> waitingCritical) {

        AlertOverride toOverride() {
            return AlertOverride.NONE
                    .with(AlertMetric.SERVICE_LEVEL, slWarning.orElse(null), slCritical.orElse(null))
                    .with(AlertMetric.WAITING, waitingWarning.orElse(null), waitingCritical.orElse(null));
        }
    }

    @Property
    void theMostSpecificLayerThatSetsABoundWins(@ForAll("layers") Layers l) {
        AlertPolicy policy = new AlertPolicy(l.global().toOverride(), Map.of("Chat", l.media().toOverride()),
                Map.of("q-1", l.queue().toOverride()), Map.of(new QueueMedia("q-1", "chat"), l.both().toOverride()));

        AlertThresholds exact = policy.resolve("q-1", "CHAT");
        assertThat(exact.get(AlertMetric.SERVICE_LEVEL).warning()).isEqualTo(
                strongest(AlertThresholds.DEFAULTS.get(AlertMetric.SERVICE_LEVEL).warning(),
                        l.global().slWarning(), l.media().slWarning(), l.queue().slWarning(), l.both().slWarning()));
        assertThat(exact.get(AlertMetric.SERVICE_LEVEL).critical()).isEqualTo(
                strongest(AlertThresholds.DEFAULTS.get(AlertMetric.SERVICE_LEVEL).critical(),
                        l.global().slCritical(), l.media().slCritical(), l.queue().slCritical(), l.both().slCritical()));
        assertThat(exact.get(AlertMetric.WAITING).critical()).isEqualTo(
                strongest(AlertThresholds.DEFAULTS.get(AlertMetric.WAITING).critical(), l.global().waitingCritical(),
                        l.media().waitingCritical(), l.queue().waitingCritical(), l.both().waitingCritical()));
        // Another queue on the same media type sees the global and media layers only; another media type of the
        // queue, the global and queue layers only.
        assertThat(policy.resolve("q-2", "chat").get(AlertMetric.SERVICE_LEVEL).warning()).isEqualTo(
                strongest(AlertThresholds.DEFAULTS.get(AlertMetric.SERVICE_LEVEL).warning(),
                        l.global().slWarning(), l.media().slWarning()));
        assertThat(policy.resolve("q-1", "voice").get(AlertMetric.WAITING).warning()).isEqualTo(
                strongest(AlertThresholds.DEFAULTS.get(AlertMetric.WAITING).warning(),
                        l.global().waitingWarning(), l.queue().waitingWarning()));
        // A metric no layer sets keeps its default.
        assertThat(exact.get(AlertMetric.ASA)).isEqualTo(AlertThresholds.DEFAULTS.get(AlertMetric.ASA));
    }

    @SafeVarargs
    private static double strongest(double fallback, Optional<Double>... weakestFirst) {
        double v = fallback;
        for (Optional<Double> layer : weakestFirst) {
            v = layer.orElse(v);
        }
        return v;
    }

    @Example
    void withoutConfigurationTheDefaultsApply() {
        assertThat(AlertPolicy.DEFAULTS.resolve("q-1", "voice")).isEqualTo(AlertThresholds.DEFAULTS);
        assertThat(AlertPolicy.DEFAULTS.resolve(null, null)).isEqualTo(AlertThresholds.DEFAULTS);
    }

    // Refused

    @Example
    void aCriticalLevelBetterThanItsWarningLevelIsRefusedNamingTheProperty() {
        assertThatIllegalArgumentException().isThrownBy(() -> new AlertPolicy(
                        AlertOverride.NONE.with(AlertMetric.SERVICE_LEVEL, 0.6, 0.8), Map.of(), Map.of(), Map.of()))
                .withMessageStartingWith("streamvane.kpi.thresholds.service-level: ")
                .withMessageContaining("below is worse");
        assertThatIllegalArgumentException().isThrownBy(() -> new AlertPolicy(AlertOverride.NONE,
                        Map.of("chat", AlertOverride.NONE.with(AlertMetric.LONGEST_WAIT, 300.0, 120.0)), Map.of(),
                        Map.of()))
                .withMessageStartingWith("streamvane.kpi.thresholds.media-types.chat.longest-wait: ");
    }

    @Example
    void aPairMisorderedAcrossLayersIsRefusedNamingTheLayerThatBrokeIt() {
        // The queue's critical 0.85 is fine alone, but beats the global warning 0.8 it inherits.
        assertThatIllegalArgumentException().isThrownBy(() -> new AlertPolicy(AlertOverride.NONE, Map.of(),
                        Map.of("q-1", AlertOverride.NONE.with(AlertMetric.SERVICE_LEVEL, null, 0.85)), Map.of()))
                .withMessageStartingWith("streamvane.kpi.thresholds.queues.q-1.service-level: ")
                .withMessageContaining("queue q-1");
        // Media type and queue are each fine, but a tile of both gets the queue's warning and the media's critical.
        assertThatIllegalArgumentException().isThrownBy(() -> new AlertPolicy(AlertOverride.NONE,
                        Map.of("email", AlertOverride.NONE.with(AlertMetric.ASA, null, 50.0)),
                        Map.of("q-1", AlertOverride.NONE.with(AlertMetric.ASA, 60.0, null)), Map.of()))
                .withMessageStartingWith("streamvane.kpi.thresholds.queues.q-1.asa: ")
                .withMessageContaining("media type email");
    }

    @Example
    void aFractionOutsideZeroToOneOrANegativeBoundIsRefusedNamingIt() {
        assertThatIllegalArgumentException().isThrownBy(() -> new AlertPolicy(AlertOverride.NONE, Map.of(),
                        Map.of(), Map.of(new QueueMedia("q-1", "email"),
                                AlertOverride.NONE.with(AlertMetric.ABANDON_RATE, 1.5, null))))
                .withMessageStartingWith("streamvane.kpi.thresholds.queue-media-types.q-1.email.abandon-rate.warning: ");
        assertThatIllegalArgumentException().isThrownBy(() -> new AlertPolicy(
                        AlertOverride.NONE.with(AlertMetric.WAITING, -1.0, null), Map.of(), Map.of(), Map.of()))
                .withMessageStartingWith("streamvane.kpi.thresholds.waiting.warning: ");
    }

    // Generators

    @Provide
    Arbitrary<AlertThreshold> thresholds() {
        return Arbitraries.of(AlertMetric.values()).flatMap(m -> {
            double max = m.unit() == AlertMetric.Unit.FRACTION ? 1 : 10_000;
            Arbitrary<Double> bound = Arbitraries.doubles().between(0, max);
            return Combinators.combine(bound, bound).as((a, b) -> m.higherIsWorse()
                    ? new AlertThreshold(m, Math.min(a, b), Math.max(a, b))
                    : new AlertThreshold(m, Math.max(a, b), Math.min(a, b)));
        });
    }

    @Provide
    Arbitrary<Double> values() {
        return Arbitraries.oneOf(Arbitraries.doubles().between(-1, 20_000), Arbitraries.of(0.0, 0.6, 0.8, 5.0, 15.0));
    }

    @Provide
    Arbitrary<Layers> layers() {
        // Warnings and criticals from disjoint ranges, so every combination of layers is ordered.
        Arbitrary<Optional<Double>> slWarning = Arbitraries.doubles().between(0.6, 1).optional();
        Arbitrary<Optional<Double>> slCritical = Arbitraries.doubles().between(0, 0.6).optional();
        Arbitrary<Optional<Double>> waitingWarning = Arbitraries.integers().between(0, 15).map(i -> (double) i)
                .optional();
        Arbitrary<Optional<Double>> waitingCritical = Arbitraries.integers().between(15, 100).map(i -> (double) i)
                .optional();
        Arbitrary<Bounds> bounds = Combinators.combine(slWarning, slCritical, waitingWarning, waitingCritical)
                .as(Bounds::new);
        return Combinators.combine(bounds, bounds, bounds, bounds).as(Layers::new);
    }
}
