package io.streamvane.model.event;

import org.junit.jupiter.api.Test;

import static io.streamvane.model.event.Parsed.singleItem;
import static org.assertj.core.api.Assertions.assertThat;

class ControlFramesTest {

    private final EventParser parser = new EventParser();

    @Test
    void heartbeatIsAControlFrameNotAnEvent() {
        ParsedItem.Control control = singleItem(parser.parse(
                "{\"topicName\":\"channel.metadata\",\"eventBody\":{\"message\":\"WebSocket Heartbeat\"}}"),
                ParsedItem.Control.class);

        assertThat(control.topicName()).isEqualTo("channel.metadata");
    }

    @Test
    void pongIsAControlFrame() {
        singleItem(parser.parse("{\"topicName\":\"channel.metadata\",\"eventBody\":{\"message\":\"pong\"}}"),
                ParsedItem.Control.class);
    }

    @Test
    void socketClosingSystemMessageIsAControlFrame() {
        String body = """
                {"topicName":"v2.system.socket_closing","version":"2",
                 "eventBody":{"channelId":"streaming-0-abc","systemTopicType":"socket_closing",
                              "reason":"maintenance","message":"socket closing"}}
                """;

        assertThat(singleItem(parser.parse(body), ParsedItem.Control.class).topicName())
                .isEqualTo("v2.system.socket_closing");
    }

    @Test
    void controlFrameWithoutEventBodyIsStillAControlFrame() {
        singleItem(parser.parse("{\"topicName\":\"v2.system.no_longer_subscribed.abc\"}"), ParsedItem.Control.class);
    }
}
