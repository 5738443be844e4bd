package io.streamvane.simulator.events;

import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;

/** Groups planned deliveries into single-envelope messages and JSON-array batches, and renders the JSON text. */
public final class MessageComposer {

    private final JsonMapper mapper;
    private final EnvelopeWriter envelopes;
    private final PoisonWriter poison;
    private final EnvelopeMix mix;
    private final RandomGenerator random;

    public MessageComposer(JsonMapper mapper, EnvelopeWriter envelopes, PoisonWriter poison, EnvelopeMix mix,
                           RandomGenerator random) {
        this.mapper = mapper;
        this.envelopes = envelopes;
        this.poison = poison;
        this.mix = mix;
        this.random = random;
    }

    /** @param planned deliveries in send order; a batch is sent when its last delivery is due */
    public List<ScheduledMessage> compose(List<PlannedDelivery> planned) {
        List<ScheduledMessage> messages = new ArrayList<>(planned.size());
        int i = 0;
        while (i < planned.size()) {
            int batchEnd = i;
            if (batchable(planned.get(i)) && random.nextDouble() < mix.batchShare()) {
                int wanted = 2 + random.nextInt(mix.maxBatchSize() - 1);
                while (batchEnd + 1 < planned.size() && batchEnd + 1 - i < wanted
                        && batchable(planned.get(batchEnd + 1))) {
                    batchEnd++;
                }
            }
            if (batchEnd > i) {
                messages.add(batch(planned.subList(i, batchEnd + 1)));
            } else {
                messages.add(single(planned.get(i)));
            }
            i = batchEnd + 1;
        }
        return messages;
    }

    private static boolean batchable(PlannedDelivery p) {
        return p.delivery().poison() != PoisonKind.MALFORMED_JSON;
    }

    private ScheduledMessage single(PlannedDelivery p) {
        Delivery d = p.delivery();
        String json = d.isPoison() ? poison.text(d, p.sendAtMs()) : mapper.writeValueAsString(node(p));
        return new ScheduledMessage(p.sendAtMs(), new SimulatedMessage(json, d.envelope(), List.of(d)));
    }

    private ScheduledMessage batch(List<PlannedDelivery> items) {
        ArrayNode array = mapper.createArrayNode();
        List<Delivery> deliveries = new ArrayList<>(items.size());
        for (PlannedDelivery p : items) {
            array.add(node(p));
            deliveries.add(p.delivery());
        }
        long sendAt = items.get(items.size() - 1).sendAtMs();
        return new ScheduledMessage(sendAt,
                new SimulatedMessage(mapper.writeValueAsString(array), EnvelopeType.BATCH, deliveries));
    }

    private JsonNode node(PlannedDelivery p) {
        Delivery d = p.delivery();
        return d.isPoison() ? poison.node(d, p.sendAtMs()) : envelopes.wrap(d.event(), d.envelope(), p.sendAtMs());
    }
}
