package io.streamvane.model.event;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import static org.assertj.core.api.Assertions.assertThat;

class ReparseStabilityPropertiesTest {

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
    void parsingTheRawItemAgainGivesAnEqualEvent(@ForAll("events") GeneratedEvents.GeneratedEvent generated,
                                                 @ForAll("forms") Envelopes.Form form) {
        ParseResult.Items first = (ParseResult.Items) parser.parse(form.wrap(generated.topic(), generated.body()));

        for (GenesysEvent event : first.acceptedEvents()) {
            assertThat(parser.parse(event.rawItem())).isEqualTo(new ParseResult.Items(
                    java.util.List.of(new ParsedItem.Accepted(0, event))));
        }
    }

    @Property
    void aBatchItemsRawItemParsesToThatItemsEvent(@ForAll("events") GeneratedEvents.GeneratedEvent generated,
                                                  @ForAll("forms") Envelopes.Form form) {
        String item = form.wrap(generated.topic(), generated.body());
        ParseResult.Items batch = (ParseResult.Items) parser.parse("[" + item + "," + item + "]");

        for (GenesysEvent event : batch.acceptedEvents()) {
            assertThat(Parsed.singleEvent(parser.parse(event.rawItem()))).isEqualTo(event);
        }
    }
}
