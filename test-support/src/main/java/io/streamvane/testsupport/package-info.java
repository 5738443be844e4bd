/**
 * Real, isolated PostgreSQL databases and RabbitMQ virtual hosts for tests: Testcontainers where Docker exists,
 * the machine's local services otherwise, embedded PostgreSQL as the last resort.
 */
package io.streamvane.testsupport;
