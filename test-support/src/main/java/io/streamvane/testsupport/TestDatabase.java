package io.streamvane.testsupport;

import java.util.LinkedHashMap;
import java.util.Map;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * A fresh, empty PostgreSQL database owned by one test (see {@link TestDatabases#fresh()}).
 *
 * @param jdbcUrl  JDBC URL of the database
 * @param username login with full rights on it (a superuser on the local and embedded backends)
 * @param password its password, empty when the server trusts local connections
 */
public record TestDatabase(String jdbcUrl, String username, String password) {

    /** Classpath location of the metrics-store migrations in shared-model. */
    public static final String MIGRATIONS = "classpath:db/migration";

    public DataSource dataSource() {
        PGSimpleDataSource ds = new PGSimpleDataSource();
        ds.setURL(jdbcUrl);
        ds.setUser(username);
        ds.setPassword(password);
        return ds;
    }

    /** Applies the metrics-store migrations ({@value #MIGRATIONS}) and returns this database. */
    public TestDatabase migrated() {
        Flyway.configure()
                .dataSource(dataSource())
                .locations(MIGRATIONS)
                .load()
                .migrate();
        return this;
    }

    /**
     * Spring Boot properties pointing a context at this database, for a {@code @DynamicPropertySource}:
     * {@code db.springProperties().forEach((k, v) -> registry.add(k, () -> v));}
     */
    public Map<String, String> springProperties() {
        Map<String, String> props = new LinkedHashMap<>();
        props.put("spring.datasource.url", jdbcUrl);
        props.put("spring.datasource.username", username);
        props.put("spring.datasource.password", password);
        return props;
    }

    /** The database name, the last path segment of the JDBC URL. */
    public String databaseName() {
        String path = jdbcUrl.substring(jdbcUrl.lastIndexOf('/') + 1);
        int query = path.indexOf('?');
        return query < 0 ? path : path.substring(0, query);
    }
}
