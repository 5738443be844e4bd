package io.streamvane.egress.rabbit;

import io.streamvane.egress.delivery.Delivery;
import io.streamvane.egress.delivery.AgentIntervalPayload;
import io.streamvane.egress.delivery.FeedShape;
import io.streamvane.egress.delivery.Outcome;
import io.streamvane.egress.delivery.QueueIntervalPayload;
import io.streamvane.egress.delivery.Sink;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.core.MessageDeliveryMode;
import org.springframework.amqp.core.MessageProperties;
import org.springframework.amqp.core.ReturnedMessage;
import org.springframework.amqp.core.TopicExchange;
import org.springframework.amqp.rabbit.connection.CachingConnectionFactory;
import org.springframework.amqp.rabbit.connection.CorrelationData;
import org.springframework.amqp.rabbit.core.RabbitAdmin;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * Publishes each row to the topic exchange with routing key {@code kpi.queue.<queueId>.<mediaType>.<granularity>}
 * (agent rows, when {@code agents} is on: {@code kpi.agent.<userId>.<granularity>}),
 * persistent, message_id = payload id (row key + revision), content type, timestamp and type. A delivery counts only
 * once the broker confirmed it and did not return it as unroutable (mandatory), so the engine settles nothing the
 * broker has not taken; an unconfirmed publish is retried under the same message_id.
 */
public final class RabbitSink implements Sink {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final RabbitSinkProperties props;
    private final FeedShape shape;
    private final RabbitTemplate template;
    private final RabbitAdmin admin;
    private final Clock clock;
    private volatile boolean declared;

    public RabbitSink(RabbitSinkProperties props, CachingConnectionFactory connectionFactory, Clock clock) {
        this.props = props;
        this.shape = new FeedShape(props.granularity(), props.finalOnly(), false, true, props.agents());
        this.clock = clock;
        connectionFactory.setPublisherConfirmType(CachingConnectionFactory.ConfirmType.CORRELATED);
        connectionFactory.setPublisherReturns(true);
        this.template = new RabbitTemplate(connectionFactory);
        template.setMandatory(true);
        template.setReturnsCallback(returned -> { });
        this.admin = new RabbitAdmin(connectionFactory);
    }

    public static CachingConnectionFactory connectionFactory(RabbitSinkProperties props) {
        CachingConnectionFactory cf = new CachingConnectionFactory(props.uri());
        cf.setConnectionNameStrategy(f -> "streamvane-egress-" + props.name());
        return cf;
    }

    @Override
    public String name() {
        return props.name();
    }

    @Override
    public FeedShape shape() {
        return shape;
    }

    @Override
    public int batchSize() {
        return props.batchSize();
    }

    public static String routingKey(Map<String, Object> row) {
        return isAgent(row) ? "kpi.agent." + row.get("userId") + "." + row.get("granularity")
                : "kpi.queue." + row.get("queueId") + "." + row.get("mediaType") + "." + row.get("granularity");
    }

    private static boolean isAgent(Map<String, Object> row) {
        return "agent".equals(row.get("rowKind"));
    }

    @Override
    public List<Outcome> send(List<Delivery> batch) throws Exception {
        if (!declared) {
            admin.declareExchange(new TopicExchange(props.exchange(), true, false));
            declared = true;
        }
        List<CorrelationData> pending = new ArrayList<>(batch.size());
        for (Delivery d : batch) {
            Map<String, Object> body = new LinkedHashMap<>();
            for (String f : isAgent(d.row()) ? AgentIntervalPayload.FIELDS : QueueIntervalPayload.FIELDS) {
                body.put(f, d.row().get(f));
            }
            MessageProperties mp = new MessageProperties();
            mp.setMessageId(d.payloadId());
            mp.setContentType(MessageProperties.CONTENT_TYPE_JSON);
            mp.setContentEncoding("UTF-8");
            mp.setDeliveryMode(MessageDeliveryMode.PERSISTENT);
            mp.setTimestamp(Date.from(clock.instant()));
            mp.setType((isAgent(d.row()) ? "agent" : "queue") + (d.isFinal() ? ".interval.finalized" : ".interval.updated"));
            mp.setAppId("streamvane");
            mp.setHeader("revision", d.row().get("revision"));
            CorrelationData cd = new CorrelationData(d.payloadId());
            template.send(props.exchange(), routingKey(d.row()), new Message(JSON.writeValueAsBytes(body), mp), cd);
            pending.add(cd);
        }
        List<Outcome> out = new ArrayList<>(batch.size());
        long deadline = System.nanoTime() + props.confirmTimeout().toNanos();
        for (CorrelationData cd : pending) {
            try {
                CorrelationData.Confirm confirm =
                        cd.getFuture().get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                ReturnedMessage returned = cd.getReturned();
                if (returned != null) {
                    out.add(new Outcome.Retry("unroutable: " + returned.getReplyText() + " (exchange "
                            + returned.getExchange() + ", key " + returned.getRoutingKey() + ")", null));
                } else if (!confirm.ack()) {
                    out.add(new Outcome.Retry("nack: " + confirm.reason(), null));
                } else {
                    out.add(Outcome.DELIVERED);
                }
            } catch (Exception e) {
                out.add(new Outcome.Retry("no confirm: " + e, null));
            }
        }
        return out;
    }

}
