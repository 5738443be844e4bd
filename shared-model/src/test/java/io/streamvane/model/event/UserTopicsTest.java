package io.streamvane.model.event;

import io.streamvane.model.kpi.RoutingStatus;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static io.streamvane.model.event.GenesysBodies.*;
import static io.streamvane.model.event.Parsed.singleEvent;
import static io.streamvane.model.event.Parsed.singleRejection;
import static org.assertj.core.api.Assertions.assertThat;

class UserTopicsTest {

    private final EventParser parser = new EventParser();

    private GenesysEvent parse(String topic, String body) {
        return singleEvent(parser.parse(Envelopes.eventBridge(topic, body)));
    }

    @Test
    void routingStatusChangeHappensAtItsStartTime() {
        GenesysEvent event = parse(ROUTING_STATUS_TOPIC, ROUTING_STATUS);

        RoutingStatusChange change = (RoutingStatusChange) event.body();
        assertThat(change.routingStatus().asRoutingStatus()).isEqualTo(RoutingStatus.IDLE);
        assertThat(event.eventTime()).isEqualTo(Instant.parse("2025-03-04T10:14:02.117Z"));
        assertThat(event.ids()).isEqualTo(EntityIds.ofUser(USER_ID));
        assertThat(event.identity().key())
                .isEqualTo("USER_ROUTING_STATUS|" + USER_ID + "|IDLE|2025-03-04T10:14:02.117Z");
    }

    @Test
    void presenceTakesTheUserFromTheTopicAndMapsEitherSpelling() {
        GenesysEvent event = parse(PRESENCE_TOPIC, PRESENCE);

        PresenceChange change = (PresenceChange) event.body();
        assertThat(change.userId()).isEqualTo(USER_ID);
        assertThat(change.presence().asSystemPresence()).isEqualTo(SystemPresence.AVAILABLE);
        assertThat(change.primary()).isTrue();
        assertThat(event.eventTime()).isEqualTo(Instant.parse("2025-03-04T09:58:40.120Z"));
    }

    @Test
    void onQueueInPresenceDefinitionSpellingMapsToOnQueue() {
        PresenceChange change = (PresenceChange) parse(PRESENCE_TOPIC, PRESENCE.replace("Available", "OnQueue")).body();

        assertThat(change.presence().systemPresence()).isEqualTo("OnQueue");
        assertThat(change.presence().asSystemPresence()).isEqualTo(SystemPresence.ON_QUEUE);
    }

    @Test
    void activityCarriesStatusPresenceAndQueuesAndHappensAtItsLatestChange() {
        GenesysEvent event = parse(ACTIVITY_TOPIC, ACTIVITY);

        UserActivity activity = (UserActivity) event.body();
        assertThat(activity.routingStatus().asRoutingStatus()).isEqualTo(RoutingStatus.INTERACTING);
        assertThat(activity.presence().asSystemPresence()).isEqualTo(SystemPresence.ON_QUEUE);
        assertThat(activity.activeQueueIds()).containsExactly(QUEUE_ID, "q-7");
        assertThat(event.eventTime()).isEqualTo(Instant.parse("2025-03-04T10:15:31.002Z"));
    }

    @Test
    void joiningAQueueIsANewActivityEventNotADuplicate() {
        GenesysEvent before = parse(ACTIVITY_TOPIC, ACTIVITY);
        GenesysEvent after = parse(ACTIVITY_TOPIC, ACTIVITY.replace("\"q-7\" ]", "\"q-7\", \"q-9\" ]"));

        assertThat(after.identity()).isNotEqualTo(before.identity());
    }

    @Test
    void activityWithoutAnyTimeIsRejected() {
        String body = "{\"id\":\"" + USER_ID + "\",\"activeQueueIds\":[]}";

        ParsedItem.Rejected rejected = singleRejection(parser.parse(Envelopes.notification(ACTIVITY_TOPIC, body)));

        assertThat(rejected.reason()).isEqualTo(RejectionReason.MISSING_FIELD);
        assertThat(rejected.detail()).startsWith("user activity event lacks routingStatus.startTime");
    }

    @Test
    void routingStatusWithoutStartTimeIsRejectedNamingThePath() {
        String body = "{\"id\":\"" + USER_ID + "\",\"routingStatus\":{\"status\":\"IDLE\"}}";

        ParsedItem.Rejected rejected = singleRejection(parser.parse(Envelopes.notification(ROUTING_STATUS_TOPIC,
                body)));

        assertThat(rejected.detail()).isEqualTo("user routingStatus event lacks routingStatus.startTime");
    }

    @Test
    void presenceWithUnreadableModifiedDateIsAnInvalidField() {
        ParsedItem.Rejected rejected = singleRejection(parser.parse(Envelopes.notification(PRESENCE_TOPIC,
                PRESENCE.replace("2025-03-04T09:58:40.120Z", "last tuesday"))));

        assertThat(rejected.reason()).isEqualTo(RejectionReason.INVALID_FIELD);
        assertThat(rejected.detail())
                .isEqualTo("user presence event modifiedDate must be an ISO-8601 timestamp, got \"last tuesday\"");
    }

    @Test
    void presenceUnderATemplatedTopicHasNoUserAndIsRejected() {
        String body = Envelopes.eventBridge(PRESENCE_TOPIC, PRESENCE)
                .replace("\"topicName\":\"" + PRESENCE_TOPIC + "\",", "");

        ParsedItem.Rejected rejected = singleRejection(parser.parse(body));

        assertThat(rejected.reason()).isEqualTo(RejectionReason.MISSING_FIELD);
        assertThat(rejected.detail()).startsWith("user presence event lacks id");
    }

    @Test
    void activeQueueIdsAreAnEmptyListWhenAbsent() {
        String body = "{\"id\":\"u\",\"routingStatus\":{\"status\":\"IDLE\",\"startTime\":\"2025-03-04T10:00:00Z\"}}";

        UserActivity activity = (UserActivity) parse("v2.users.u.activity", body).body();

        assertThat(activity.activeQueueIds()).isEqualTo(List.of());
        assertThat(activity.presence()).isNull();
    }
}
