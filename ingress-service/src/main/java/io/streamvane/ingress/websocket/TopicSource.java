package io.streamvane.ingress.websocket;

import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The topics to subscribe: the configured queue and user ids, plus the dimension tables' when asked. */
class TopicSource {

    private final GenesysWebsocketProperties settings;
    private final JdbcClient jdbc;

    TopicSource(GenesysWebsocketProperties settings, JdbcClient jdbc) {
        this.settings = settings;
        this.jdbc = jdbc;
    }

    List<String> topics() {
        List<String> queues = settings.queueIds();
        List<String> users = settings.userIds();
        if (settings.discoverFromDimensions()) {
            queues = Topics.merge(queues, jdbc.sql("SELECT queue_id FROM queue ORDER BY queue_id")
                    .query(String.class).list());
            users = Topics.merge(users, jdbc.sql("SELECT user_id FROM app_user ORDER BY user_id")
                    .query(String.class).list());
        }
        return Topics.of(queues, users);
    }
}
