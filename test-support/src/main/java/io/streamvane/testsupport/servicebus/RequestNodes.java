package io.streamvane.testsupport.servicebus;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.qpid.proton.amqp.messaging.AmqpValue;
import org.apache.qpid.proton.message.Message;

/**
 * The two request-response nodes the SDK talks to: {@code $cbs}, where it puts a token before every link
 * (checklist items 4-6), and {@code <entity>/$management}, for lock renewal and the settlement fallback
 * (items 11-12). Each request gets one answer.
 */
final class RequestNodes {

    static final String CBS = "$cbs";
    static final String MANAGEMENT_SUFFIX = "/$management";
    static final String RENEW_LOCK = "com.microsoft:renew-lock";
    static final String UPDATE_DISPOSITION = "com.microsoft:update-disposition";

    static final String PUT_TOKEN = "put-token";

    private final Broker broker;
    private final Settlements settlements;
    private final Faults faults;
    private final Map<String, Long> answered = new ConcurrentHashMap<>();

    RequestNodes(Broker broker, Settlements settlements, Faults faults) {
        this.broker = broker;
        this.settlements = settlements;
        this.faults = faults;
    }

    /** Requests answered so far by operation ({@code put-token}, {@code com.microsoft:renew-lock}, ...). */
    long answered(String operation) {
        return answered.getOrDefault(operation, 0L);
    }

    static boolean isCbs(String address) {
        return CBS.equals(address);
    }

    static boolean isManagement(String address) {
        return address != null && address.endsWith(MANAGEMENT_SUFFIX);
    }

    /** The entity a management node belongs to. */
    Optional<Entity> managed(String address) {
        return broker.entity(address.substring(0, address.length() - MANAGEMENT_SUFFIX.length()));
    }

    Message answer(String node, Message request) {
        String operation = Wire.applicationProperty(request, "operation");
        answered.merge(String.valueOf(operation), 1L, Long::sum);
        if (isCbs(node)) {
            return putToken(request);
        }
        Entity entity = managed(node).orElseThrow();
        if (RENEW_LOCK.equals(operation)) {
            return renewLock(entity, request);
        }
        if (UPDATE_DISPOSITION.equals(operation)) {
            return updateDisposition(entity, request);
        }
        return Wire.response(request, 501, "the fake does not implement " + operation,
                Map.of("errorCondition", Wire.NOT_IMPLEMENTED), null);
    }

    /** Any token is good unless the test refuses them; 401 is what the SDK maps to unauthorized. */
    private Message putToken(Message request) {
        if (faults.refuseTokens.get()) {
            return Wire.response(request, 401, "Unauthorized: the fake Service Bus refuses tokens", Map.of(), null);
        }
        return Wire.response(request, 202, "Accepted", Map.of(), null);
    }

    /** Answers {@code expirations} as a timestamp array, which the SDK requires (checklist item 12). */
    private Message renewLock(Entity entity, Message request) {
        List<Date> expirations = new ArrayList<>();
        for (UUID token : lockTokens(request)) {
            Optional<Instant> until = broker.renew(entity, token);
            if (until.isEmpty()) {
                return lockLost(request);
            }
            expirations.add(Date.from(until.get()));
        }
        return Wire.response(request, 200, "OK", Map.of(),
                Map.of("expirations", expirations.toArray(new Date[0])));
    }

    private Message updateDisposition(Entity entity, Message request) {
        Map<String, Object> body = body(request);
        String status = String.valueOf(body.get("disposition-status"));
        String reason = (String) body.get("deadletter-reason");
        String description = (String) body.get("deadletter-description");
        Map<String, Object> changes = Wire.textKeys(body.get("properties-to-modify"));
        for (UUID token : lockTokens(request)) {
            if (!settlements.byManagement(entity, token, status, reason, description, changes)) {
                return lockLost(request);
            }
        }
        return Wire.response(request, 200, "OK", Map.of(), null);
    }

    private static Message lockLost(Message request) {
        return Wire.response(request, 410, "The lock supplied is invalid.",
                Map.of("errorCondition", Wire.LOCK_LOST), null);
    }

    private static Map<String, Object> body(Message request) {
        return request.getBody() instanceof AmqpValue value ? Wire.textKeys(value.getValue()) : Map.of();
    }

    private static List<UUID> lockTokens(Message request) {
        Object tokens = body(request).get("lock-tokens");
        Collection<?> all = tokens instanceof Object[] array ? Arrays.asList(array)
                : tokens instanceof Collection<?> c ? c : List.of();
        return all.stream().map(t -> t instanceof UUID u ? u : UUID.fromString(t.toString())).toList();
    }
}
