package io.streamvane.simulator;

import io.streamvane.simulator.faults.FaultConfig;
import io.streamvane.simulator.model.SimulationConfig;
import io.streamvane.simulator.sink.CollectingEventSink;
import io.streamvane.simulator.sink.EventSink;
import io.streamvane.simulator.sink.HttpEventSink;
import io.streamvane.simulator.sink.Pacing;
import io.streamvane.simulator.sink.PublishStats;
import java.util.HashMap;
import java.util.Map;

/**
 * Runs the default day from the command line. Without {@code --url} it only generates, as fast as possible, and
 * prints the rate; with {@code --url http://host:port} it POSTs to {@code /api/v1/events}.
 * Options: {@code --seed N --speedup F|max --api-key K --faults none|typical --scale S --repeat N}.
 */
public final class SimulatorMain {

    private SimulatorMain() {
    }

    public static void main(String[] args) {
        Map<String, String> options = new HashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            options.put(args[i].replaceFirst("^--", ""), args[i + 1]);
        }
        SimulationConfig config = SimulationConfig.defaults()
                .withSeed(Long.parseLong(options.getOrDefault("seed", "42")))
                .withArrivalRateScale(Double.parseDouble(options.getOrDefault("scale", "1")));
        FaultConfig faults = "typical".equals(options.get("faults")) ? FaultConfig.typical() : FaultConfig.none();

        // Repeats let the JIT warm up; the last run is the one reported.
        int repeat = Integer.parseInt(options.getOrDefault("repeat", "1"));
        Simulator simulator = null;
        long generatedNanos = 0;
        for (int i = 0; i < repeat; i++) {
            long t0 = System.nanoTime();
            simulator = Simulator.run(config, EmissionConfig.defaults().withFaults(faults));
            generatedNanos = System.nanoTime() - t0;
        }
        System.out.printf("generated %d events (%d messages, %d conversations) in %.2f s: %.0f events/s%n",
                simulator.events().size(), simulator.messages().size(), simulator.output().conversations(),
                generatedNanos / 1e9, simulator.events().size() * 1e9 / generatedNanos);

        String url = options.get("url");
        EventSink sink = url == null ? new CollectingEventSink() : HttpEventSink.forBaseUrl(url, options.get("api-key"));
        String speedup = options.getOrDefault("speedup", "max");
        Pacing pacing = "max".equals(speedup) ? Pacing.asFastAsPossible() : Pacing.accelerated(Double.parseDouble(speedup));
        PublishStats stats = simulator.publish(sink, pacing);
        System.out.printf("published %d messages (%d deliveries) in %.2f s%n", stats.messages(), stats.deliveries(),
                stats.wallNanos() / 1e9);
        if (sink instanceof HttpEventSink http) {
            System.out.println("responses by status: " + http.statusCounts() + ", transport failures: "
                    + http.transportFailures());
        }
    }
}
