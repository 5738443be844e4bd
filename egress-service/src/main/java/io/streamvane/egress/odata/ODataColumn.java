package io.streamvane.egress.odata;

import org.apache.olingo.commons.api.edm.EdmPrimitiveTypeKind;

/**
 * One property of an entity set. {@code sql} is the column it is read from, or null for a value derived in Java from
 * the shared KPI definitions (such a property can be selected but not filtered or sorted on: SQL must not restate
 * a KPI formula).
 */
record ODataColumn(String name, String sql, EdmPrimitiveTypeKind type) {

    static ODataColumn of(String name, String sql, EdmPrimitiveTypeKind type) {
        return new ODataColumn(name, sql, type);
    }

    static ODataColumn derived(String name) {
        return derived(name, EdmPrimitiveTypeKind.Double);
    }

    static ODataColumn derived(String name, EdmPrimitiveTypeKind type) {
        return new ODataColumn(name, null, type);
    }

    boolean isDerived() {
        return sql == null;
    }
}
