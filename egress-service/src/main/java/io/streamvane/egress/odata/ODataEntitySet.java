package io.streamvane.egress.odata;

import io.streamvane.model.kpi.ServiceLevelPolicy;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An entity set: its name, entity type, source relation, properties, key and default order (a stable total order, so
 * server-driven paging by offset never repeats or skips a row).
 */
record ODataEntitySet(String name, String typeName, String from, List<ODataColumn> columns, List<String> key,
        Deriver deriver) {

    /** Adds derived values to a row that already holds every SQL-backed property by name. */
    @FunctionalInterface
    interface Deriver {
        void derive(Map<String, Object> row);
    }

    Optional<ODataColumn> column(String propertyName) {
        return columns.stream().filter(c -> c.name().equals(propertyName)).findFirst();
    }

    String defaultOrder() {
        return String.join(", ", key.stream().map(k -> column(k).orElseThrow().sql()).toList());
    }
}
