package io.streamvane.engine.projection;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.function.Function;

/**
 * Binds the array parameters of an {@code unnest(?::text[], ...)} statement in order, one column per call. Typed Java
 * arrays on purpose: the driver encodes each element by its type (a {@link Timestamp} as an instant, not as text).
 */
final class ArrayParameters {

    private final Connection c;
    private final PreparedStatement ps;
    private int next;

    ArrayParameters(Connection c, PreparedStatement ps) {
        this.c = c;
        this.ps = ps;
        this.next = 1;
    }

    ArrayParameters text(String[] column) throws SQLException {
        return bind("text", column);
    }

    ArrayParameters timestamps(Timestamp[] column) throws SQLException {
        return bind("timestamptz", column);
    }

    ArrayParameters int4(Integer[] column) throws SQLException {
        return bind("int4", column);
    }

    ArrayParameters int8(Long[] column) throws SQLException {
        return bind("int8", column);
    }

    ArrayParameters bool(Boolean[] column) throws SQLException {
        return bind("bool", column);
    }

    /** One text column read from each row. */
    <R> ArrayParameters text(List<R> rows, Function<R, String> column) throws SQLException {
        return text(rows.stream().map(column).toArray(String[]::new));
    }

    /** One time column read from each row; a null instant binds NULL. */
    <R> ArrayParameters timestamps(List<R> rows, Function<R, Instant> column) throws SQLException {
        return timestamps(rows.stream().map(column).map(t -> t == null ? null : Timestamp.from(t))
                .toArray(Timestamp[]::new));
    }

    /** One integer column read from each row. */
    <R> ArrayParameters int4(List<R> rows, Function<R, Integer> column) throws SQLException {
        return int4(rows.stream().map(column).toArray(Integer[]::new));
    }

    /** A column whose element type is only known at run time (a statement built from a catalogue). */
    ArrayParameters bind(String type, Object[] column) throws SQLException {
        ps.setArray(next++, c.createArrayOf(type, column));
        return this;
    }
}
