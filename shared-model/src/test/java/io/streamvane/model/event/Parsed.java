package io.streamvane.model.event;

import static org.assertj.core.api.Assertions.assertThat;

/** Unpacks parse results in tests, failing with the whole result when the shape is not the expected one. */
final class Parsed {

    private Parsed() {
    }

    static GenesysEvent singleEvent(ParseResult result) {
        return singleItem(result, ParsedItem.Accepted.class).event();
    }

    static ParsedItem.Rejected singleRejection(ParseResult result) {
        return singleItem(result, ParsedItem.Rejected.class);
    }

    static <T extends ParsedItem> T singleItem(ParseResult result, Class<T> type) {
        assertThat(result).isInstanceOf(ParseResult.Items.class);
        ParseResult.Items items = (ParseResult.Items) result;
        assertThat(items.items()).hasSize(1);
        assertThat(items.items().get(0)).as("%s", result).isInstanceOf(type);
        return type.cast(items.items().get(0));
    }

    static ParseResult.Unreadable unreadable(ParseResult result) {
        assertThat(result).isInstanceOf(ParseResult.Unreadable.class);
        return (ParseResult.Unreadable) result;
    }
}
