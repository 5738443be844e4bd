package io.streamvane.testsupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import com.rabbitmq.client.DeliverCallback;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class TestBrokersTest {

    @Test
    void aFreshVirtualHostCarriesAMessageFromPublisherToConsumer() throws Exception {
        TestBroker broker = TestBrokers.fresh();

        try (Connection connection = connect(broker); Channel channel = connection.createChannel()) {
            channel.queueDeclare("kpi-test", true, false, false, null);
            // A consumer is handed the message as soon as the broker has it: no polling, no guess at its speed.
            BlockingQueue<String> received = new LinkedBlockingQueue<>();
            DeliverCallback onMessage = (tag, delivery) ->
                    received.add(new String(delivery.getBody(), StandardCharsets.UTF_8));
            channel.basicConsume("kpi-test", true, onMessage, tag -> { });
            channel.basicPublish("", "kpi-test", null, "hello".getBytes(StandardCharsets.UTF_8));
            assertThat(received.poll(30, TimeUnit.SECONDS)).as("delivered within 30 s").isEqualTo("hello");
        }
    }

    @Test
    void queuesInOneVirtualHostAreInvisibleInAnother() throws Exception {
        TestBroker first = TestBrokers.fresh();
        TestBroker second = TestBrokers.fresh();
        assertThat(first.virtualHost()).isNotEqualTo(second.virtualHost());

        try (Connection a = connect(first); Channel ca = a.createChannel()) {
            ca.queueDeclare("only-in-first", false, false, false, null);
        }
        try (Connection b = connect(second)) {
            Channel cb = b.createChannel();
            assertThatThrownBy(() -> cb.queueDeclarePassive("only-in-first"))
                    .isInstanceOf(java.io.IOException.class);
        }
    }

    private static Connection connect(TestBroker broker) throws Exception {
        ConnectionFactory factory = new ConnectionFactory();
        factory.setUri(broker.amqpUri());
        return factory.newConnection("streamvane-test");
    }
}
