package io.streamvane.simulator.sdk;

import com.fasterxml.jackson.databind.JsonNode;
import io.streamvane.simulator.Simulator;
import io.streamvane.simulator.events.GenesysEvent;
import java.time.Duration;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;

/** Whatever the seed and the staffing, no simulated event body has a field or value the Genesys SDK lacks. */
class GenesysSdkEventBodiesPropertiesTest {

    @Property(tries = 8)
    void bodiesOfAnySimulatedHalfHourBindStrictly(@ForAll @LongRange(min = 1, max = 1_000_000) long seed,
                                                  @ForAll @IntRange(min = 1, max = 3) int queues) {
        Simulator generated = Simulator.run(GenesysSdkEventBodiesTest.morning(seed, Duration.ofMinutes(30), queues,
                4 * queues));
        for (GenesysEvent event : generated.events()) {
            JsonNode body = SdkOracle.tree(event.body().toString());
            SdkOracle.bindExactly("seed " + seed + " " + event.kind(),
                    GenesysSdkEventBodiesTest.forSdk(event.kind(), body),
                    GenesysSdkEventBodiesTest.BODY_MODEL.get(event.kind()));
        }
    }
}
