package io.streamvane.model.event;

import java.util.Locale;
import java.util.Map;

/**
 * Maps a raw Genesys enum string to a Java enum without ever failing: Genesys adds values over time and spells
 * some differently per API ({@code OnQueue} vs {@code ON_QUEUE}, {@code transfer.consult} vs
 * {@code CONSULT_TRANSFER}), so unknown values become the enum's {@code UNKNOWN} (interfaces.md §6.10–12).
 */
final class GenesysEnums {

    private GenesysEnums() {
    }

    static <E extends Enum<E>> E lookup(Class<E> type, String raw, E unknown) {
        return lookup(type, raw, unknown, Map.of());
    }

    static <E extends Enum<E>> E lookup(Class<E> type, String raw, E unknown, Map<String, E> aliases) {
        if (raw == null) {
            return unknown;
        }
        String normalised = normalise(raw);
        E alias = aliases.get(normalised);
        if (alias != null) {
            return alias;
        }
        for (E constant : type.getEnumConstants()) {
            if (constant.name().equals(normalised)) {
                return constant;
            }
        }
        return unknown;
    }

    /** {@code OnQueue} → {@code ON_QUEUE}, {@code transfer.consult} → {@code TRANSFER_CONSULT}. */
    static String normalise(String raw) {
        String snake = raw.strip().replaceAll("([a-z0-9])([A-Z])", "$1_$2");
        return snake.replaceAll("[.\\-\\s]+", "_").toUpperCase(Locale.ROOT);
    }
}
