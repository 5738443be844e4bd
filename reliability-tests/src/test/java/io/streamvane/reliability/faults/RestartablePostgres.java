package io.streamvane.reliability.faults;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Map;
import javax.sql.DataSource;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * A PostgreSQL cluster owned by one test: its own data directory and a fixed port, so it can be stopped, crashed and
 * started again under the services' feet. Never the shared server the other tests use. Embedded binaries (zonky)
 * run the same on a laptop with Docker and on a machine without it.
 */
final class RestartablePostgres implements AutoCloseable {

    private final Path dataDir;
    private final int port;
    private EmbeddedPostgres server;

    RestartablePostgres(Path dataDir) {
        this.dataDir = dataDir;
        this.port = freePort();
    }

    synchronized void start() throws IOException, InterruptedException {
        Files.createDirectories(dataDir);
        IOException last = null;
        // After a crash the old backends may hold the shared memory for a moment: PostgreSQL then refuses to start.
        for (int attempt = 0; attempt < 20; attempt++) {
            try {
                server = EmbeddedPostgres.builder().setDataDirectory(dataDir).setCleanDataDirectory(false)
                        .setPort(port).setRegisterShutdownHook(true)
                        .setServerConfig("max_connections", "200")
                        // zonky turns it off for speed; the promise under test is that a commit survives a crash
                        .setServerConfig("synchronous_commit", "on")
                        .setPGStartupWait(Duration.ofSeconds(60)).start();
                return;
            } catch (IOException e) {
                last = e;
                Thread.sleep(500);
            }
        }
        throw last;
    }

    /** A clean restart's first half: {@code pg_ctl stop -m fast}, every client connection is terminated. */
    synchronized void stop() throws IOException {
        server.close();
        server = null;
    }

    /** A crash: SIGKILL to the postmaster, no checkpoint; the next start runs crash recovery. */
    synchronized void crash() throws IOException, InterruptedException {
        long pid = Long.parseLong(Files.readAllLines(dataDir.resolve("postmaster.pid")).get(0).trim());
        ProcessHandle postmaster = ProcessHandle.of(pid).orElseThrow(() -> new IllegalStateException(
                "postmaster " + pid + " not running"));
        postmaster.destroyForcibly();
        postmaster.onExit().join();
        server.close(); // pg_ctl stop fails on the dead server (logged by zonky); releases the instance's lock file
        server = null;
    }

    String jdbcUrl() {
        return "jdbc:postgresql://localhost:" + port + "/postgres";
    }

    Map<String, String> springProperties() {
        return Map.of("spring.datasource.url", jdbcUrl(), "spring.datasource.username", "postgres",
                "spring.datasource.password", "");
    }

    DataSource dataSource() {
        PGSimpleDataSource ds = new PGSimpleDataSource();
        ds.setUrl(jdbcUrl());
        ds.setUser("postgres");
        return ds;
    }

    /** True when a connection opens now. */
    boolean accepting() {
        try (Connection c = dataSource().getConnection()) {
            return c.isValid(2);
        } catch (SQLException e) {
            return false;
        }
    }

    @Override
    public synchronized void close() throws IOException {
        if (server != null) {
            server.close();
            server = null;
        }
    }

    private static int freePort() {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
