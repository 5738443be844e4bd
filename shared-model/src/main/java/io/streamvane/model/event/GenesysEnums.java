package io.streamvane.model.event;

import io.streamvane.model.kpi.AcdOutcome;
import io.streamvane.model.kpi.RoutingStatus;

import java.util.Locale;
import java.util.Map;

/**
 * Maps a raw Genesys enum string to a Java enum without ever failing: Genesys adds values over time and spells
 * some differently per API ({@code OnQueue} vs {@code ON_QUEUE}, {@code transfer.consult} vs
 * {@code CONSULT_TRANSFER}), so unknown values become the enum's {@code UNKNOWN} (interfaces.md §6.10–12).
 */
public final class GenesysEnums {

    private GenesysEnums() {
    }

    /** The ACD outcome for a raw {@code acdOutcome} value, as stored by the raw store or a table. */
    public static AcdOutcome acdOutcome(String raw) {
        return lookup(AcdOutcome.class, raw, AcdOutcome.UNKNOWN);
    }

    /** The routing status for a raw {@code routingStatus.status} value. */
    public static RoutingStatus routingStatus(String raw) {
        return lookup(RoutingStatus.class, raw, RoutingStatus.UNKNOWN);
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
