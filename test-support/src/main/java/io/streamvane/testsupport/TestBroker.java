package io.streamvane.testsupport;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A fresh RabbitMQ virtual host owned by one test (see {@link TestBrokers#fresh()}); the user has all
 * permissions on it.
 */
public record TestBroker(String host, int port, String username, String password, String virtualHost) {

    /** {@code amqp://user:pass@host:port/vhost} with the vhost URL-encoded. */
    public String amqpUri() {
        return "amqp://" + enc(username) + ":" + enc(password) + "@" + host + ":" + port + "/" + enc(virtualHost);
    }

    /** Spring Boot properties for a {@code @DynamicPropertySource}, like {@link TestDatabase#springProperties()}. */
    public Map<String, String> springProperties() {
        Map<String, String> props = new LinkedHashMap<>();
        props.put("spring.rabbitmq.host", host);
        props.put("spring.rabbitmq.port", Integer.toString(port));
        props.put("spring.rabbitmq.username", username);
        props.put("spring.rabbitmq.password", password);
        props.put("spring.rabbitmq.virtual-host", virtualHost);
        return props;
    }

    private static String enc(String s) {
        return java.net.URLEncoder.encode(s, java.nio.charset.StandardCharsets.UTF_8).replace("+", "%20");
    }
}
