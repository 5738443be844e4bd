package io.streamvane.model.event;

import java.util.List;
import java.util.Objects;

/** What {@link EventParser} made of one body: nothing readable at all, or one outcome per envelope in it. */
public sealed interface ParseResult {

    /**
     * The body as a whole cannot be read (empty, too large, not JSON, batch over the limit, too deeply nested).
     * HTTP answers 400/413 with {@code reason.code()}; a broker dead-letters the message.
     */
    record Unreadable(RejectionReason reason, String detail) implements ParseResult {

        public Unreadable {
            Objects.requireNonNull(reason, "reason");
            Objects.requireNonNull(detail, "detail");
        }
    }

    /** One outcome per envelope, in body order; a single envelope gives one item with index 0. */
    record Items(List<ParsedItem> items) implements ParseResult {

        public Items {
            items = List.copyOf(items);
        }

        public List<GenesysEvent> acceptedEvents() {
            return items.stream()
                    .filter(ParsedItem.Accepted.class::isInstance)
                    .map(item -> ((ParsedItem.Accepted) item).event())
                    .toList();
        }

        public List<ParsedItem.Rejected> rejections() {
            return items.stream()
                    .filter(ParsedItem.Rejected.class::isInstance)
                    .map(ParsedItem.Rejected.class::cast)
                    .toList();
        }
    }
}
