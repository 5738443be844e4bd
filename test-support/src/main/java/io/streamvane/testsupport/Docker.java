package io.streamvane.testsupport;

import org.testcontainers.DockerClientFactory;

/** Whether a Docker engine answers; never throws, asked once per JVM. */
final class Docker {

    private static final boolean AVAILABLE = probe();

    private Docker() {
    }

    static boolean available() {
        return AVAILABLE;
    }

    private static boolean probe() {
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (Throwable notAvailable) {
            return false;
        }
    }
}
