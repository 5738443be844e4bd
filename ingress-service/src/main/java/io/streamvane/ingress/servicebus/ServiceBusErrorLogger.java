package io.streamvane.ingress.servicebus;

import com.azure.messaging.servicebus.ServiceBusErrorContext;
import com.azure.spring.cloud.service.servicebus.consumer.ServiceBusErrorHandler;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Logs and counts the processor's own errors (connection, lock renewal); the SDK recovers from them itself. */
final class ServiceBusErrorLogger implements ServiceBusErrorHandler {

    private static final Logger LOG = LoggerFactory.getLogger(ServiceBusErrorLogger.class);
    static final String ERRORS = "streamvane.ingress.servicebus.processor.errors";
    private final MeterRegistry meters;

    ServiceBusErrorLogger(MeterRegistry meters) {
        this.meters = meters;
    }

    @Override
    public void accept(ServiceBusErrorContext context) {
        LOG.warn("Service Bus processor error ({}, {} on {})", context.getErrorSource(),
                context.getFullyQualifiedNamespace(), context.getEntityPath(), context.getException());
        meters.counter(ERRORS, "source", String.valueOf(context.getErrorSource())).increment();
    }
}
