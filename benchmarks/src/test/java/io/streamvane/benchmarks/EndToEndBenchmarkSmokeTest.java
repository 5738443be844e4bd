package io.streamvane.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import io.streamvane.simulator.EmissionConfig;
import io.streamvane.simulator.Simulator;
import io.streamvane.simulator.model.SimulationConfig;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * The harness on a few hundred events (the benchmark itself is not part of the build): the whole run completes and
 * is exact, and exactness really compares the table with the ground truth (a corrupted row or a missing one shows).
 */
class EndToEndBenchmarkSmokeTest {

    private static final Instant START = Instant.parse("2026-03-02T10:00:00Z");

    @Test
    void aSmallFaultedRunThroughTheWholePipelineIsExactAndTheTableIsComplete() throws Exception {
        EndToEndBenchmark.Options options = EndToEndBenchmark.Options.parse(new String[] {
            "--start", START.toString(), "--hours", "0.1", "--scale", "0.5", "--rate", "500",
            "--latency-seconds", "1", "--out", "target/smoke.md"});
        ByteArrayOutputStream console = new ByteArrayOutputStream();

        EndToEndBenchmark.Results r = EndToEndBenchmark.run(options, new PrintStream(console, true,
                StandardCharsets.UTF_8));

        assertThat(r.generatedEvents()).isBetween(100, 2000);
        assertThat(r.deliveries()).isGreaterThan(r.generatedEvents());
        assertThat(r.duplicates()).isPositive();
        assertThat(r.accepted()).isEqualTo(r.generatedEvents());
        assertThat(r.mismatches()).isEmpty();
        assertThat(r.exactnessPercent()).isEqualTo(100.0);
        assertThat(r.exactness().rows()).isGreaterThanOrEqualTo(8);
        assertThat(r.latency().events()).isPositive();
        assertThat(r.latency().notVisible()).isZero();
        assertThat(r.copyPerSecond()).isPositive();
        assertThat(r.apiCalls().pollingOnly()).isEqualTo(1248);
        assertThat(r.apiCalls().hybrid()).isEqualTo(240);
        assertThat(r.table()).contains("End to end, max speed", "Event→KPI latency", "Exactness", "100.00 %",
                "Genesys API calls", "COPY ceiling", "Machine");
        assertThat(console.toString(StandardCharsets.UTF_8)).contains(r.table());
    }

    @Test
    void exactnessCountsACorruptedRowAndAMissingRow() throws Exception {
        SimulationConfig config = SimulationConfig.defaults().withArrivalRateScale(0.5)
                .withWindow(START, Duration.ofMinutes(6));
        Simulator sim = Simulator.run(config, EmissionConfig.defaults().withFaults(EndToEndBenchmark.FAULTS));
        try (Pipeline p = Pipeline.fresh(config, 2, 500)) {
            p.start();
            for (Bodies.Body body : Bodies.of(sim.messages(), 100)) {
                p.ingest(body.json());
            }
            p.awaitDrained(Duration.ofMinutes(2));
            Exactness exact = Exactness.compare(p.dataSource, sim.groundTruth(), config.start());
            assertThat(exact.mismatches()).isEmpty();
            assertThat(exact.equal()).isEqualTo(exact.rows());

            try (Connection c = p.dataSource.getConnection(); Statement s = c.createStatement()) {
                s.execute("UPDATE queue_interval SET talk_ms = talk_ms + 1 WHERE (queue_id, media_type, "
                        + "interval_start) IN (SELECT queue_id, media_type, interval_start FROM queue_interval "
                        + "WHERE offered > 0 ORDER BY 1, 2, 3 LIMIT 1)");
                s.execute("DELETE FROM queue_interval WHERE (queue_id, media_type, interval_start) IN (SELECT "
                        + "queue_id, media_type, interval_start FROM queue_interval WHERE offered > 0 ORDER BY 1 DESC, "
                        + "2 DESC, 3 DESC LIMIT 1)");
            }
            Exactness broken = Exactness.compare(p.dataSource, sim.groundTruth(), config.start());
            assertThat(broken.rows()).isEqualTo(exact.rows());
            assertThat(broken.equal()).isEqualTo(exact.rows() - 2);
            assertThat(broken.mismatches()).hasSize(2).anySatisfy(m -> assertThat(m).contains("no row"));
        }
    }

    @Test
    void bodiesKeepEveryDelivery() {
        SimulationConfig config = SimulationConfig.defaults().withWindow(START, Duration.ofMinutes(5));
        Simulator sim = Simulator.run(config, EmissionConfig.defaults().withFaults(EndToEndBenchmark.FAULTS));
        int deliveries = sim.messages().stream().mapToInt(m -> m.message().deliveries().size()).sum();
        assertThat(Bodies.of(sim.messages(), 100).stream().mapToInt(Bodies.Body::deliveries).sum())
                .isEqualTo(deliveries);
    }
}
