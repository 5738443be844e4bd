package io.streamvane.reliability.faults;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** One service jar run as its own JVM on a fixed port; killed with SIGKILL and started again on demand. */
final class ServiceProcess {

    private final String name;
    private final Path jar;
    private final List<String> args;
    private final Path logDir;
    private final int port;
    private Process process;
    private int starts;

    ServiceProcess(String name, Path jar, List<String> args, Path logDir) {
        this.name = name;
        this.jar = jar;
        this.args = args;
        this.logDir = logDir;
        this.port = freePort();
    }

    String name() {
        return name;
    }

    String baseUrl() {
        return "http://localhost:" + port;
    }

    synchronized void start() {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xss512k",
                "-jar", jar.toString(), "--server.port=" + port));
        command.addAll(args);
        try {
            Files.createDirectories(logDir);
            File log = logDir.resolve(name + "-" + (++starts) + ".log").toFile();
            process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.to(log)).start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + name, e);
        }
    }

    /** kill -9: no shutdown hooks, no graceful drain, connections cut mid-transaction. */
    synchronized void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor();
    }

    void awaitHealthy(Duration timeout) throws InterruptedException {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited with " + process.exitValue() + "; see " + logDir);
            }
            try {
                HttpResponse<String> r = client.send(HttpRequest.newBuilder(URI.create(baseUrl() + "/actuator/health"))
                        .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException(name + " not healthy within " + timeout + "; see " + logDir);
    }

    synchronized void stop() {
        if (process != null && process.isAlive()) {
            process.destroyForcibly();
        }
    }

    private static int freePort() {
        try (ServerSocket s = new ServerSocket(0)) {
            s.setReuseAddress(true);
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
