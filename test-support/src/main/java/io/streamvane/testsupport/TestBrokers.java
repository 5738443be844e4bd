package io.streamvane.testsupport;

import java.io.IOException;
import java.lang.System.Logger.Level;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Hands out fresh RabbitMQ virtual hosts ({@code sv_test_<random>}) on one broker chosen once per JVM: a shared
 * Testcontainers {@code rabbitmq:3.13-management-alpine} when Docker is available, else the local broker at
 * {@code STREAMVANE_TEST_RABBIT_HOST/PORT/USER/PASSWORD} (default 127.0.0.1:5672 guest/guest). On the local broker
 * the vhost is created through the management HTTP API ({@code STREAMVANE_TEST_RABBIT_MANAGEMENT_PORT}, default
 * 15672) when it answers, else with {@code rabbitmqctl add_vhost} + {@code set_permissions}; vhosts created are
 * deleted when the JVM exits. When no broker is reachable, or no vhost can be created, the calling test fails
 * under {@code CI=true} and is <em>skipped</em> (JUnit assumption) elsewhere, with the reason
 * ({@link Preconditions#require}).
 */
public final class TestBrokers {

    private static final System.Logger LOG = System.getLogger(TestBrokers.class.getName());
    private static final SecureRandom RANDOM = new SecureRandom();

    private TestBrokers() {
    }

    /** A new virtual host; fails (CI) or skips (elsewhere) the calling test when no broker can provide one. */
    public static TestBroker fresh() {
        Broker broker = Holder.BROKER;
        Preconditions.require(broker.reachable(), () -> "No RabbitMQ broker for tests: " + broker.unavailableReason());
        byte[] bytes = new byte[8];
        RANDOM.nextBytes(bytes);
        String vhost = "sv_test_" + HexFormat.of().formatHex(bytes);
        String failure = broker.addVhost(vhost);
        Preconditions.require(failure == null, () -> "Cannot create RabbitMQ vhost on " + broker.describe() + ": " + failure);
        return new TestBroker(broker.host(), broker.port(), broker.username(), broker.password(), vhost);
    }

    private static final class Holder {
        static final Broker BROKER = choose();
    }

    private static Broker choose() {
        Backend forced = Env.forcedBackend().orElse(null);
        Broker broker = (forced == Backend.CONTAINER || (forced == null && Docker.available()))
                ? Broker.container()
                : Broker.local();
        if (broker.reachable()) {
            LOG.log(Level.INFO, "Streamvane test RabbitMQ: {0} ({1}), vhosts via {2}",
                    broker.backend(), broker.describe(), broker.vhostMethod());
        } else {
            LOG.log(Level.WARNING, "Streamvane test RabbitMQ: none ({0}); broker tests will fail under CI=true, "
                    + "be skipped otherwise",
                    broker.unavailableReason());
        }
        return broker;
    }

    /** One broker on which test vhosts are created. */
    private static final class Broker {
        private final Backend backend;
        private final String host;
        private final int port;
        private final String username;
        private final String password;
        private final String unavailableReason;
        private final VhostAdmin admin;
        private final Set<String> vhosts = ConcurrentHashMap.newKeySet();

        private Broker(Backend backend, String host, int port, String username, String password,
                       String unavailableReason, VhostAdmin admin) {
            this.backend = backend;
            this.host = host;
            this.port = port;
            this.username = username;
            this.password = password;
            this.unavailableReason = unavailableReason;
            this.admin = admin;
        }

        static Broker container() {
            var container = new org.testcontainers.rabbitmq.RabbitMQContainer("rabbitmq:3.13-management-alpine");
            container.start();
            Runtime.getRuntime().addShutdownHook(new Thread(container::stop, "sv-test-rabbit-container-stop"));
            VhostAdmin admin = new CommandVhostAdmin(cmd -> {
                var result = container.execInContainer(cmd.toArray(String[]::new));
                return new CommandResult(result.getExitCode(), result.getStdout() + result.getStderr());
            }, "rabbitmqctl in the container");
            return new Broker(Backend.CONTAINER, container.getHost(), container.getAmqpPort(),
                    container.getAdminUsername(), container.getAdminPassword(), null, admin);
        }

        static Broker local() {
            String host = Env.get("STREAMVANE_TEST_RABBIT_HOST", "127.0.0.1");
            int port = Integer.parseInt(Env.get("STREAMVANE_TEST_RABBIT_PORT", "5672"));
            String user = Env.get("STREAMVANE_TEST_RABBIT_USER", "guest");
            String pass = Env.get("STREAMVANE_TEST_RABBIT_PASSWORD", "guest");
            int mgmtPort = Integer.parseInt(Env.get("STREAMVANE_TEST_RABBIT_MANAGEMENT_PORT", "15672"));
            String reason = listening(host, port) ? null : "nothing listens on " + host + ":" + port;
            VhostAdmin admin = null;
            if (reason == null) {
                var http = new HttpVhostAdmin(host, mgmtPort, user, pass);
                admin = http.answers() ? http : new CommandVhostAdmin(CommandVhostAdmin::runLocally, "rabbitmqctl");
            }
            Broker broker = new Broker(Backend.LOCAL, host, port, user, pass, reason, admin);
            if (reason == null) {
                Runtime.getRuntime().addShutdownHook(new Thread(broker::deleteVhosts, "sv-test-rabbit-delete-vhosts"));
            }
            return broker;
        }

        boolean reachable() {
            return unavailableReason == null;
        }

        String addVhost(String vhost) {
            try {
                admin.add(vhost, username);
                vhosts.add(vhost);
                return null;
            } catch (Exception e) {
                return e.getMessage();
            }
        }

        void deleteVhosts() {
            for (String vhost : vhosts) {
                try {
                    admin.delete(vhost);
                } catch (Exception e) {
                    System.err.println("Could not delete test vhost " + vhost + ": " + e.getMessage());
                }
            }
        }

        Backend backend() {
            return backend;
        }

        String host() {
            return host;
        }

        int port() {
            return port;
        }

        String username() {
            return username;
        }

        String password() {
            return password;
        }

        String unavailableReason() {
            return unavailableReason;
        }

        String vhostMethod() {
            return admin == null ? "-" : admin.toString();
        }

        String describe() {
            return username + "@" + host + ":" + port;
        }
    }

    private static boolean listening(String host, int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), 2000);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private interface VhostAdmin {
        void add(String vhost, String user) throws Exception;

        void delete(String vhost) throws Exception;
    }

    /** The RabbitMQ management plugin's HTTP API. */
    private static final class HttpVhostAdmin implements VhostAdmin {
        private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        private final String base;
        private final String auth;

        HttpVhostAdmin(String host, int port, String user, String password) {
            this.base = "http://" + host + ":" + port + "/api";
            this.auth = "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
        }

        boolean answers() {
            try {
                return send("GET", "/overview", null) == 200;
            } catch (Exception e) {
                return false;
            }
        }

        @Override
        public void add(String vhost, String user) throws Exception {
            expect(send("PUT", "/vhosts/" + enc(vhost), "{}"), "add vhost");
            expect(send("PUT", "/permissions/" + enc(vhost) + "/" + enc(user),
                    "{\"configure\":\".*\",\"write\":\".*\",\"read\":\".*\"}"), "set permissions");
        }

        @Override
        public void delete(String vhost) throws Exception {
            send("DELETE", "/vhosts/" + enc(vhost), null);
        }

        private int send(String method, String path, String json) throws Exception {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                    .timeout(Duration.ofSeconds(10))
                    .header("Authorization", auth);
            if (json != null) {
                request.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(json));
            } else {
                request.method(method, HttpRequest.BodyPublishers.noBody());
            }
            return client.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
        }

        private static void expect(int status, String what) {
            if (status / 100 != 2) {
                throw new IllegalStateException(what + ": HTTP " + status);
            }
        }

        private static String enc(String s) {
            return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
        }

        @Override
        public String toString() {
            return "management HTTP API at " + base;
        }
    }

    private record CommandResult(int exitCode, String output) {
    }

    @FunctionalInterface
    private interface CommandRunner {
        CommandResult run(List<String> command) throws Exception;
    }

    /** {@code rabbitmqctl}, locally (needs the broker's Erlang cookie, i.e. root or the rabbitmq user) or in a container. */
    private static final class CommandVhostAdmin implements VhostAdmin {
        private final CommandRunner runner;
        private final String name;

        CommandVhostAdmin(CommandRunner runner, String name) {
            this.runner = runner;
            this.name = name;
        }

        @Override
        public void add(String vhost, String user) throws Exception {
            run("rabbitmqctl", "add_vhost", vhost);
            run("rabbitmqctl", "set_permissions", "-p", vhost, user, ".*", ".*", ".*");
        }

        @Override
        public void delete(String vhost) throws Exception {
            run("rabbitmqctl", "delete_vhost", vhost);
        }

        private void run(String... command) throws Exception {
            CommandResult result = runner.run(List.of(command));
            if (result.exitCode() != 0) {
                throw new IllegalStateException(String.join(" ", command) + " exited " + result.exitCode() + ": "
                        + result.output().strip());
            }
        }

        static CommandResult runLocally(List<String> command) throws Exception {
            Process process;
            try {
                process = new ProcessBuilder(new ArrayList<>(command)).redirectErrorStream(true).start();
            } catch (IOException notInstalled) {
                return new CommandResult(127, notInstalled.getMessage());
            }
            process.getOutputStream().close();
            byte[] out = process.getInputStream().readAllBytes();
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                return new CommandResult(124, "timed out");
            }
            return new CommandResult(process.exitValue(), new String(out, StandardCharsets.UTF_8));
        }

        @Override
        public String toString() {
            return name;
        }
    }
}
