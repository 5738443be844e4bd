package io.streamvane.model.event;

import io.streamvane.model.kpi.RoutingStatus;
import io.streamvane.model.kpi.AcdOutcome;
import org.junit.jupiter.api.Test;

import static io.streamvane.model.event.GenesysBodies.*;
import static io.streamvane.model.event.Parsed.singleEvent;
import static org.assertj.core.api.Assertions.assertThat;

class UnknownEnumValuesTest {

    private final EventParser parser = new EventParser();

    @Test
    void unknownAcdOutcomeIsKeptRawAndMapsToUnknown() {
        AcdEnd end = (AcdEnd) singleEvent(parser.parse(Envelopes.notification(ACD_END_TOPIC,
                ACD_END.replace("\"ABANDON\"", "\"DEFLECTED\"")))).body();

        assertThat(end.acdOutcome()).isEqualTo("DEFLECTED");
        assertThat(end.asAcdOutcome()).isEqualTo(AcdOutcome.UNKNOWN);
    }

    @Test
    void unknownDisconnectTypeAndDirectionAreKeptRaw() {
        UserEnd end = (UserEnd) singleEvent(parser.parse(Envelopes.notification(USER_END_TOPIC,
                USER_END.replace("\"PEER\"", "\"TELEPORTED\"").replace("\"INBOUND\"", "\"SIDEWAYS\"")))).body();

        assertThat(end.disconnectType()).isEqualTo("TELEPORTED");
        assertThat(end.asDisconnectType()).isEqualTo(DisconnectType.UNKNOWN);
        assertThat(end.direction()).isEqualTo("SIDEWAYS");
        assertThat(end.asDirection()).isEqualTo(Direction.UNKNOWN);
    }

    @Test
    void unknownRoutingStatusAndPresenceAreKeptRaw() {
        UserActivity activity = (UserActivity) singleEvent(parser.parse(Envelopes.notification(ACTIVITY_TOPIC,
                ACTIVITY.replace("\"INTERACTING\"", "\"DREAMING\"").replace("\"ON_QUEUE\"", "\"SABBATICAL\""))))
                .body();

        assertThat(activity.routingStatus().status()).isEqualTo("DREAMING");
        assertThat(activity.routingStatus().asRoutingStatus()).isEqualTo(RoutingStatus.UNKNOWN);
        assertThat(activity.presence().systemPresence()).isEqualTo("SABBATICAL");
        assertThat(activity.presence().asSystemPresence()).isEqualTo(SystemPresence.UNKNOWN);
    }

    @Test
    void absentEnumValuesMapToUnknown() {
        AcdEnd end = (AcdEnd) singleEvent(parser.parse(Envelopes.notification(ACD_END_TOPIC,
                ACD_END.replace("\"acdOutcome\"", "\"formerAcdOutcome\"")))).body();

        assertThat(end.acdOutcome()).isNull();
        assertThat(end.asAcdOutcome()).isEqualTo(AcdOutcome.UNKNOWN);
    }

    @Test
    void conversationModelDisconnectVocabularyMapsToDetailEventConstants() {
        assertThat(DisconnectType.of("transfer.consult")).isEqualTo(DisconnectType.CONSULT_TRANSFER);
        assertThat(DisconnectType.of("endpoint.dnd")).isEqualTo(DisconnectType.DND_ENDPOINT);
        assertThat(DisconnectType.of("transport.failure")).isEqualTo(DisconnectType.TRANSPORT_FAILURE);
        assertThat(DisconnectType.of("peer")).isEqualTo(DisconnectType.PEER);
    }

    @Test
    void enumValuesAreMatchedWhateverTheirCase() {
        assertThat(GenesysEnums.lookup(AcdOutcome.class, "answered", AcdOutcome.UNKNOWN)).isEqualTo(AcdOutcome.ANSWERED);
        assertThat(GenesysEnums.lookup(AcdOutcome.class, "flow_out", AcdOutcome.UNKNOWN)).isEqualTo(AcdOutcome.FLOW_OUT);
        assertThat(GenesysEnums.lookup(RoutingStatus.class, "NotResponding", RoutingStatus.UNKNOWN)).isEqualTo(RoutingStatus.NOT_RESPONDING);
        assertThat(SystemPresence.of("OnQueue")).isEqualTo(SystemPresence.ON_QUEUE);
        assertThat(SystemPresence.of("ON_QUEUE")).isEqualTo(SystemPresence.ON_QUEUE);
    }
}
