/**
 * A local Azure Service Bus for tests: an AMQP 1.0 peer on proton-j that the unmodified Service Bus SDK talks to over
 * plain TCP, written from {@code shared/servicebus-wire.md} (the "checklist" its comments cite by item).
 */
package io.streamvane.testsupport.servicebus;
