package io.streamvane.ingress.websocket;

import static org.assertj.core.api.Assertions.assertThat;

import io.streamvane.ingress.websocket.Frames.Kind;
import java.util.List;
import org.junit.jupiter.api.Test;

class FramesTest {

    @Test
    void tellsControlFramesFromData() {
        assertThat(Frames.classify("{\"topicName\":\"channel.metadata\",\"eventBody\":{\"message\":\"WebSocket Heartbeat\"}}"))
                .isEqualTo(Kind.HEARTBEAT);
        assertThat(Frames.classify("{\"topicName\":\"channel.metadata\",\"eventBody\":{\"message\":\"pong\"}}"))
                .isEqualTo(Kind.PONG);
        assertThat(Frames.classify("{\"topicName\":\"v2.system.socket_closing\",\"eventBody\":{}}"))
                .isEqualTo(Kind.SOCKET_CLOSING);
        assertThat(Frames.classify("{\"topicName\":\"v2.system.no_longer_subscribed.x\",\"eventBody\":{}}"))
                .isEqualTo(Kind.SYSTEM);
        assertThat(Frames.classify("{\"result\":\"404\"}")).isEqualTo(Kind.SUBSCRIPTION_RESULT);
        assertThat(Frames.classify("{\"topicName\":\"v2.users.u-1.activity\",\"eventBody\":{}}")).isEqualTo(Kind.DATA);
        assertThat(Frames.classify("not json")).isEqualTo(Kind.UNREADABLE);
    }

    @Test
    void topicsAreBuiltPerIdAndChunkedAtTheChannelLimit() {
        assertThat(Topics.of(List.of("q", "q"), List.of("u")))
                .containsExactly("v2.analytics.queues.q.observations", "v2.users.u.activity");
        assertThat(Topics.perChannel(List.of("a", "b", "c"), 2)).containsExactly(List.of("a", "b"), List.of("c"));
        assertThat(Topics.perChannel(List.of(), 1000)).isEmpty();
    }
}
