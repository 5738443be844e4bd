package io.streamvane.model.event;

import io.streamvane.model.kpi.UserEndReason;
import java.util.Map;

/**
 * Why a participant session ended. Detail events use these UPPER_SNAKE names; the conversation model uses a dotted
 * lower-case vocabulary ({@code transfer.consult}, {@code endpoint.dnd}, …), which maps to the same constants.
 */
public enum DisconnectType {
    ENDPOINT, CLIENT, SYSTEM, TRANSFER, ERROR, PEER, OTHER, SPAM, TIMEOUT, TRANSPORT_FAILURE,
    CONFERENCE_TRANSFER, CONSULT_TRANSFER, FORWARD_TRANSFER, NO_ANSWER_TRANSFER, NOT_AVAILABLE_TRANSFER,
    UNCALLABLE, DND_ENDPOINT, DND_TRANSFER, INACTIVITY, SESSION_EXPIRED, TAKEOVER, UNKNOWN;

    private static final Map<String, DisconnectType> CONVERSATION_MODEL_ALIASES = Map.of(
            "ENDPOINT_DND", DND_ENDPOINT,
            "TRANSFER_DND", DND_TRANSFER,
            "TRANSFER_CONFERENCE", CONFERENCE_TRANSFER,
            "TRANSFER_CONSULT", CONSULT_TRANSFER,
            "TRANSFER_FORWARD", FORWARD_TRANSFER,
            "TRANSFER_NOANSWER", NO_ANSWER_TRANSFER,
            "TRANSFER_NOTAVAILABLE", NOT_AVAILABLE_TRANSFER);

    /** What the KPIs read from an agent's participation ending this way. */
    public UserEndReason asUserEndReason() {
        return switch (this) {
            case TRANSFER -> UserEndReason.BLIND_TRANSFER;
            case CONSULT_TRANSFER -> UserEndReason.CONSULT_TRANSFER;
            case CONFERENCE_TRANSFER, FORWARD_TRANSFER -> UserEndReason.OTHER_TRANSFER;
            case NO_ANSWER_TRANSFER -> UserEndReason.ALERT_TIMEOUT;
            default -> UserEndReason.OTHER;
        };
    }

    /** The type for a raw Genesys value in either vocabulary; {@link #UNKNOWN} for null or values unknown today. */
    public static DisconnectType of(String raw) {
        return GenesysEnums.lookup(DisconnectType.class, raw, UNKNOWN, CONVERSATION_MODEL_ALIASES);
    }
}
