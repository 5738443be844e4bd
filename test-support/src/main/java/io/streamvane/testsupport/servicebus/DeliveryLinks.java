package io.streamvane.testsupport.servicebus;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.qpid.proton.amqp.transport.DeliveryState;
import org.apache.qpid.proton.engine.Delivery;
import org.apache.qpid.proton.engine.EndpointState;
import org.apache.qpid.proton.engine.Sender;

/**
 * The broker's side of the receivers' links: sends locked messages while a link has credit, and answers the
 * receivers' dispositions. Touched only on the broker's thread.
 */
final class DeliveryLinks {

    private final Broker broker;
    private final Settlements settlements;
    private final WireTrace trace;
    private final Map<Entity, List<Sender>> byEntity = new LinkedHashMap<>();
    private final Map<Sender, Entity> entityOf = new IdentityHashMap<>();

    DeliveryLinks(Broker broker, Settlements settlements, WireTrace trace) {
        this.broker = broker;
        this.settlements = settlements;
        this.trace = trace;
    }

    void open(Sender link, Entity entity) {
        byEntity.computeIfAbsent(entity, e -> new ArrayList<>()).add(link);
        entityOf.put(link, entity);
    }

    /**
     * Forgets a detached link. Its unsettled messages stay locked until their locks run out, as on the service
     * (checklist §6): nothing is released on detach.
     */
    void close(Sender link) {
        Entity entity = entityOf.remove(link);
        if (entity != null) {
            byEntity.get(entity).remove(link);
        }
    }

    int linkCount(Entity entity) {
        return byEntity.getOrDefault(entity, List.of()).size();
    }

    boolean carries(Sender link) {
        return entityOf.containsKey(link);
    }

    /** Credit changed on one link: use it, and answer a drain request once nothing is left to send. */
    void onFlow(Sender link) {
        Entity entity = entityOf.get(link);
        if (entity == null) {
            return;
        }
        pump(entity);
        if (link.getDrain() && link.getCredit() > 0 && !entity.hasAvailable()) {
            link.drained();
        }
    }

    /**
     * Sends available messages over the entity's links, one per link in turn, never without credit (checklist
     * item 8), so a message is locked only when a receiver asked for it.
     */
    void pump(Entity entity) {
        List<Sender> links = byEntity.getOrDefault(entity, List.of());
        boolean sent = true;
        while (sent && entity.hasAvailable()) {
            sent = false;
            for (Sender link : List.copyOf(links)) {
                if (usable(link) && link.getCredit() > 0) {
                    Optional<Lock> lock = broker.lockNext(entity);
                    if (lock.isEmpty()) {
                        return;
                    }
                    send(link, lock.get());
                    sent = true;
                }
            }
        }
    }

    private static boolean usable(Sender link) {
        return link.getLocalState() == EndpointState.ACTIVE && link.getRemoteState() == EndpointState.ACTIVE;
    }

    /** The delivery tag is the lock token (checklist item 9). */
    private void send(Sender link, Lock lock) {
        trace.note("transfer %s %s dc=%d credit=%d", link.getName(), lock.message.messageId(),
                lock.message.deliveryCount, link.getCredit());
        link.delivery(Wire.lockTokenTag(lock.token));
        byte[] payload = Wire.encode(Wire.delivery(lock));
        link.send(payload, 0, payload.length);
        link.advance();
    }

    /** A receiver updated a delivery: settle it with the answer (checklist item 10). */
    void onDisposition(Delivery delivery) {
        Entity entity = entityOf.get((Sender) delivery.getLink());
        if (entity == null || delivery.isSettled()) {
            return;
        }
        DeliveryState requested = delivery.getRemoteState();
        if (requested == null) {
            if (delivery.remotelySettled()) {
                // settled without an outcome: the lock stays until it runs out
                delivery.settle();
            }
            return;
        }
        DeliveryState answer = settlements.onLink(entity, Wire.lockTokenOf(delivery.getTag()), requested);
        trace.note("disposition %s %s -> %s", delivery.getLink().getName(), requested, answer);
        delivery.disposition(answer);
        delivery.settle();
    }
}
