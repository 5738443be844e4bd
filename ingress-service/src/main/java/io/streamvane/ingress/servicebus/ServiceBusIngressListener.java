package io.streamvane.ingress.servicebus;

import com.azure.messaging.servicebus.ServiceBusReceivedMessage;
import com.azure.messaging.servicebus.ServiceBusReceivedMessageContext;
import com.azure.messaging.servicebus.models.DeadLetterOptions;
import com.azure.spring.cloud.service.servicebus.consumer.ServiceBusRecordMessageListener;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.streamvane.ingress.pipeline.EventIngestion;
import io.streamvane.ingress.pipeline.StoreUnavailableException;
import io.streamvane.ingress.pipeline.Transport;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hands each peek-locked message to the pipeline and settles it only after the pipeline returned, i.e. after the
 * commit. Store failures abandon the message and feed the circuit breaker that pauses the processor; while the
 * breaker refuses calls, a message waits at the {@link StoreGate} rather than being abandoned.
 */
final class ServiceBusIngressListener implements ServiceBusRecordMessageListener {

    private static final Logger LOG = LoggerFactory.getLogger(ServiceBusIngressListener.class);
    static final String MESSAGES = "streamvane.ingress.servicebus.messages";
    static final String SETTLEMENT_FAILURES = "streamvane.ingress.servicebus.settlement.failures";

    private final EventIngestion ingestion;
    private final StoreGate gate;
    private final CircuitBreaker storeBreaker;
    private final MeterRegistry meters;

    ServiceBusIngressListener(EventIngestion ingestion, StoreGate gate, CircuitBreaker storeBreaker,
                              MeterRegistry meters) {
        this.ingestion = ingestion;
        this.gate = gate;
        this.storeBreaker = storeBreaker;
        this.meters = meters;
    }

    @Override
    public void onMessage(ServiceBusReceivedMessageContext context) {
        switch (gate.admit()) {
            case ADMITTED -> {
                try {
                    settle(context, dispose(context.getMessage()));
                } finally {
                    gate.leave();
                }
            }
            case STOPPED -> leaveLocked(context.getMessage());
            // Refused for longer than any outage the pause reacts to: hand it back untouched, as before the gate.
            case REFUSED -> settle(context, new Disposition.Abandon("breaker-open"));
        }
    }

    private void leaveLocked(ServiceBusReceivedMessage message) {
        Disposition unsettled = new Disposition.Unsettled("processor-stopped");
        LOG.info("Processor stopped while message {} (delivery {}) waited for the store; it will be redelivered once"
                + " its lock runs out", message.getMessageId(), message.getDeliveryCount());
        counter(unsettled).increment();
    }

    /** Called only with the breaker's permission (see {@link StoreGate#admit()}). */
    private Disposition dispose(ServiceBusReceivedMessage message) {
        long start = System.nanoTime();
        try {
            Disposition disposition = DispositionPolicy.of(ingestion.ingest(message.getBody().toBytes(),
                    Transport.SERVICE_BUS));
            storeBreaker.onSuccess(System.nanoTime() - start, TimeUnit.NANOSECONDS);
            return disposition;
        } catch (StoreUnavailableException e) {
            storeBreaker.onError(System.nanoTime() - start, TimeUnit.NANOSECONDS, e);
            LOG.warn("Store unavailable, abandoning message {} (delivery {}): {}", message.getMessageId(),
                    message.getDeliveryCount(), e.getMessage());
            return new Disposition.Abandon("store-unavailable");
        } catch (RuntimeException e) {
            // Not a store outage: don't trip the breaker; redeliveries end in the DLQ at the max delivery count.
            storeBreaker.releasePermission();
            LOG.error("Unexpected failure ingesting message {} (delivery {})", message.getMessageId(),
                    message.getDeliveryCount(), e);
            return new Disposition.Abandon("unexpected-error");
        }
    }

    private void settle(ServiceBusReceivedMessageContext context, Disposition disposition) {
        try {
            if (disposition instanceof Disposition.DeadLetter d) {
                LOG.warn("Dead-lettering message {}: {} ({})", context.getMessage().getMessageId(), d.reason(),
                        d.description());
                context.deadLetter(new DeadLetterOptions().setDeadLetterReason(d.reason())
                        .setDeadLetterErrorDescription(d.description()));
            } else if (disposition instanceof Disposition.Abandon) {
                context.abandon();
            } else if (disposition instanceof Disposition.Complete) {
                context.complete();
            }
            counter(disposition).increment();
        } catch (RuntimeException e) {
            // The commit (if any) stands; the lock expires and the redelivery is absorbed by dedup as duplicates.
            LOG.warn("Settling message {} as {} failed; it will be redelivered", context.getMessage().getMessageId(),
                    disposition.tag(), e);
            Counter.builder(SETTLEMENT_FAILURES).tag("disposition", disposition.tag()).register(meters).increment();
        }
    }

    private Counter counter(Disposition disposition) {
        String reason = disposition instanceof Disposition.DeadLetter d ? d.reason()
                : disposition instanceof Disposition.Abandon a ? a.cause()
                : disposition instanceof Disposition.Unsettled u ? u.cause() : "none";
        return Counter.builder(MESSAGES).description("Service Bus messages by settlement")
                .tag("disposition", disposition.tag()).tag("reason", reason).register(meters);
    }
}
