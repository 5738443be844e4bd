package io.streamvane.model.event;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class EnvelopeIndependencePropertiesTest {

    private final EventParser parser = new EventParser();

    @Provide
    Arbitrary<GeneratedEvents.GeneratedEvent> events() {
        return GeneratedEvents.any();
    }

    @Provide
    Arbitrary<Envelopes.Form> forms() {
        return Arbitraries.of(Envelopes.ALL);
    }

    @Property
    void anEventIsTheSameWhateverEnvelopeCarriedIt(@ForAll("events") GeneratedEvents.GeneratedEvent generated,
                                                   @ForAll("forms") Envelopes.Form form) {
        ParsedItem plain = onlyItem(parser.parse(Envelopes.notification(generated.topic(), generated.body())));
        ParsedItem wrapped = onlyItem(parser.parse(form.wrap(generated.topic(), generated.body())));

        Statistics.label("outcome").collect(plain.getClass().getSimpleName());
        assertThat(envelopeFree(wrapped)).isEqualTo(envelopeFree(plain));
    }

    @Property
    void mostGeneratedEventsAreAccepted(@ForAll("events") GeneratedEvents.GeneratedEvent generated) {
        ParsedItem item = onlyItem(parser.parse(Envelopes.notification(generated.topic(), generated.body())));

        Statistics.label("outcome").collect(item.getClass().getSimpleName())
                .coverage(coverage -> coverage.check("Accepted").percentage(p -> p > 40));
    }

    private static ParsedItem onlyItem(ParseResult result) {
        assertThat(result).isInstanceOf(ParseResult.Items.class);
        List<ParsedItem> items = ((ParseResult.Items) result).items();
        assertThat(items).hasSize(1);
        return items.get(0);
    }

    /** What must not depend on the envelope: the whole event except its trace and raw envelope, or the rejection. */
    private static List<Object> envelopeFree(ParsedItem item) {
        if (item instanceof ParsedItem.Accepted accepted) {
            GenesysEvent e = accepted.event();
            return List.of(e.kind(), e.topicName(), String.valueOf(e.eventTime()), e.ids(), e.identity(), e.body(),
                    e.eventBodyJson());
        }
        ParsedItem.Rejected rejected = (ParsedItem.Rejected) item;
        return List.of(rejected.reason(), rejected.detail());
    }
}
