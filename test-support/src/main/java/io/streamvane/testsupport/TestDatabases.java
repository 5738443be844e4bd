package io.streamvane.testsupport;

import java.lang.System.Logger.Level;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HexFormat;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Hands out fresh PostgreSQL databases ({@code sv_test_<random>}), all on one server chosen once per JVM:
 * <ol>
 *   <li>a shared Testcontainers {@code postgres:17-alpine} when Docker is available;</li>
 *   <li>else the local server at {@code STREAMVANE_TEST_PG_HOST/PORT/USER/PASSWORD} (defaults 127.0.0.1, 5432,
 *       postgres, empty) if it answers;</li>
 *   <li>else one embedded PostgreSQL (io.zonky) for the JVM.</li>
 * </ol>
 * {@code STREAMVANE_TEST_BACKEND=container|local|embedded} forces one. Databases created on the local server are
 * dropped when the JVM exits.
 */
public final class TestDatabases {

    private static final System.Logger LOG = System.getLogger(TestDatabases.class.getName());
    private static final SecureRandom RANDOM = new SecureRandom();

    private TestDatabases() {
    }

    /** A new, empty database (no migrations applied: call {@link TestDatabase#migrated()} for the schema). */
    public static TestDatabase fresh() {
        PostgresServer server = Holder.SERVER;
        String name = "sv_test_" + HexFormat.of().formatHex(randomBytes());
        try (Connection admin = server.connect("postgres"); Statement st = admin.createStatement()) {
            st.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot create test database " + name + " on " + server.describe(), e);
        }
        server.created(name);
        return new TestDatabase(server.jdbcUrl(name), server.username(), server.password());
    }

    /** A new database with the metrics-store migrations applied. */
    public static TestDatabase freshMigrated() {
        return fresh().migrated();
    }

    /** The backend serving this JVM's databases (choosing it on first use). */
    public static Backend backend() {
        return Holder.SERVER.backend();
    }

    private static byte[] randomBytes() {
        byte[] bytes = new byte[8];
        RANDOM.nextBytes(bytes);
        return bytes;
    }

    private static final class Holder {
        static final PostgresServer SERVER = choose();
    }

    private static PostgresServer choose() {
        Backend forced = Env.forcedBackend().orElse(null);
        PostgresServer server;
        if (forced != null) {
            server = start(forced);
        } else if (Docker.available()) {
            server = start(Backend.CONTAINER);
        } else {
            PostgresServer local = PostgresServer.local();
            server = local.answers() ? local : start(Backend.EMBEDDED);
        }
        LOG.log(Level.INFO, "Streamvane test PostgreSQL: {0} ({1})", server.backend(), server.describe());
        return server;
    }

    private static PostgresServer start(Backend backend) {
        return switch (backend) {
            case CONTAINER -> PostgresServer.container();
            case LOCAL -> PostgresServer.local();
            case EMBEDDED -> PostgresServer.embedded();
        };
    }

    /** One PostgreSQL server on which test databases are created. */
    record PostgresServer(Backend backend, String host, int port, String username, String password,
                          Set<String> databases) {

        static PostgresServer local() {
            return new PostgresServer(Backend.LOCAL,
                    Env.get("STREAMVANE_TEST_PG_HOST", "127.0.0.1"),
                    Integer.parseInt(Env.get("STREAMVANE_TEST_PG_PORT", "5432")),
                    Env.get("STREAMVANE_TEST_PG_USER", "postgres"),
                    Env.get("STREAMVANE_TEST_PG_PASSWORD", ""),
                    ConcurrentHashMap.newKeySet()).dropDatabasesOnExit();
        }

        static PostgresServer container() {
            var container = new org.testcontainers.postgresql.PostgreSQLContainer("postgres:17-alpine");
            container.start();
            Runtime.getRuntime().addShutdownHook(new Thread(container::stop, "sv-test-pg-container-stop"));
            return new PostgresServer(Backend.CONTAINER, container.getHost(), container.getMappedPort(5432),
                    container.getUsername(), container.getPassword(), ConcurrentHashMap.newKeySet());
        }

        static PostgresServer embedded() {
            try {
                var pg = io.zonky.test.db.postgres.embedded.EmbeddedPostgres.builder().start();
                Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                    try {
                        pg.close();
                    } catch (Exception ignored) {
                        // the JVM is going away; the temp directory is best-effort
                    }
                }, "sv-test-pg-embedded-stop"));
                return new PostgresServer(Backend.EMBEDDED, "localhost", pg.getPort(), "postgres", "",
                        ConcurrentHashMap.newKeySet());
            } catch (java.io.IOException e) {
                throw new IllegalStateException("Cannot start embedded PostgreSQL", e);
            }
        }

        String jdbcUrl(String database) {
            return "jdbc:postgresql://" + host + ":" + port + "/" + database;
        }

        Connection connect(String database) throws SQLException {
            Properties props = new Properties();
            props.setProperty("user", username);
            props.setProperty("password", password);
            props.setProperty("connectTimeout", "3");
            return DriverManager.getConnection(jdbcUrl(database), props);
        }

        boolean answers() {
            try (Connection ignored = connect("postgres")) {
                return true;
            } catch (SQLException e) {
                LOG.log(Level.DEBUG, "No PostgreSQL at {0}: {1}", describe(), e.getMessage());
                return false;
            }
        }

        void created(String database) {
            databases.add(database);
        }

        String describe() {
            return username + "@" + host + ":" + port;
        }

        private PostgresServer dropDatabasesOnExit() {
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                if (databases.isEmpty()) {
                    return;
                }
                try (Connection admin = connect("postgres"); Statement st = admin.createStatement()) {
                    for (String db : databases) {
                        // Spring contexts close their pools in their own shutdown hooks, at the same time as this
                        // one: a plain DROP waits (PostgreSQL allows up to 5 s) for them to leave. Forcing at once
                        // cut their connections mid-shutdown and left workers waiting on a pool that could not
                        // reconnect, holding the JVM up.
                        try {
                            st.execute("DROP DATABASE IF EXISTS " + db);
                        } catch (SQLException stillInUse) {
                            st.execute("DROP DATABASE IF EXISTS " + db + " WITH (FORCE)");
                        }
                    }
                } catch (SQLException e) {
                    System.err.println("Could not drop test databases " + databases + ": " + e.getMessage());
                }
            }, "sv-test-pg-drop-databases"));
            return this;
        }
    }
}
