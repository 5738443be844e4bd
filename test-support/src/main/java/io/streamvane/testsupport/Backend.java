package io.streamvane.testsupport;

/** Where test databases and brokers come from; chosen once per JVM. */
public enum Backend {
    /** Testcontainers, when a Docker engine answers. */
    CONTAINER,
    /** The machine's own server (PostgreSQL or RabbitMQ on the configured host and port). */
    LOCAL,
    /** io.zonky embedded PostgreSQL, started in this JVM (PostgreSQL only). */
    EMBEDDED
}
