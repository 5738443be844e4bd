package io.streamvane.model.event;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class TopicKindTest {

    @ParameterizedTest
    @EnumSource(value = TopicKind.class, mode = EnumSource.Mode.EXCLUDE, names = "OTHER")
    void templatedTopicIsOfItsOwnKind(TopicKind kind) {
        assertThat(TopicKind.ofTopic(kind.template().orElseThrow())).isEqualTo(kind);
    }

    @Test
    void concreteTopicIsRecognisedWhateverItsCase() {
        assertThat(TopicKind.ofTopic("v2.detail.events.conversation.5d2f0c1e-1111.acd.end")).isEqualTo(TopicKind.ACD_END);
        assertThat(TopicKind.ofTopic("v2.users.u-1.routingstatus")).isEqualTo(TopicKind.USER_ROUTING_STATUS);
        assertThat(TopicKind.ofTopic("V2.ANALYTICS.QUEUES.Q-1.OBSERVATIONS")).isEqualTo(TopicKind.QUEUE_OBSERVATIONS);
    }

    @Test
    void neighbouringTopicsAreOther() {
        assertThat(TopicKind.ofTopic("v2.detail.events.conversation.c-1.customer.end")).isEqualTo(TopicKind.OTHER);
        assertThat(TopicKind.ofTopic("v2.detail.events.conversation.c-1.acd.end.extra")).isEqualTo(TopicKind.OTHER);
        assertThat(TopicKind.ofTopic("v2.users.u-1.x.presence")).isEqualTo(TopicKind.OTHER);
        assertThat(TopicKind.ofTopic("v2.analytics.queues.q-1.activity")).isEqualTo(TopicKind.OTHER);
        assertThat(TopicKind.ofTopic(null)).isEqualTo(TopicKind.OTHER);
    }

    @Test
    void concreteTopicNamesItsId() {
        assertThat(TopicKind.USER_PRESENCE.idIn("v2.users.u-1.presence")).contains("u-1");
        assertThat(TopicKind.USER_PRESENCE.idIn("v2.users.{id}.presence")).isEmpty();
        assertThat(TopicKind.USER_PRESENCE.idIn("v2.users.u-1.activity")).isEmpty();
        assertThat(TopicKind.OTHER.idIn("v2.users.u-1.presence")).isEqualTo(Optional.empty());
    }

    @Test
    void channelMetadataAndSystemTopicsAreControlTopics() {
        assertThat(TopicKind.isControlTopic("channel.metadata")).isTrue();
        assertThat(TopicKind.isControlTopic("v2.system.socket_closing")).isTrue();
        assertThat(TopicKind.isControlTopic("V2.System.token_revoked.abc")).isTrue();
        assertThat(TopicKind.isControlTopic("v2.users.u-1.presence")).isFalse();
        assertThat(TopicKind.isControlTopic(null)).isFalse();
    }
}
