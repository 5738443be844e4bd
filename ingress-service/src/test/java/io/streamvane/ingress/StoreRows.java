package io.streamvane.ingress;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;

/** Counts and reads rows of the metrics store for assertions. */
public final class StoreRows {

    private final DataSource dataSource;

    public StoreRows(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    public long count(String sqlFromWhere) {
        return queryLong("SELECT count(*) " + sqlFromWhere);
    }

    public long rawEvents() {
        return count("FROM raw_event");
    }

    public long inboxRows() {
        return count("FROM engine_inbox");
    }

    public long queryLong(String sql) {
        String text = queryString(sql);
        return text == null ? 0 : Long.parseLong(text);
    }

    public String queryString(String sql) {
        try (Connection connection = dataSource.getConnection();
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery(sql)) {
            return rows.next() ? rows.getString(1) : null;
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    public void execute(String sql) {
        try (Connection connection = dataSource.getConnection();
             Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }
}
