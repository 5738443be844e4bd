package io.streamvane.model.event;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The Genesys notification topics Streamvane projects, identified by their templated name (SPEC §1.2).
 * Every other topic is {@link #OTHER}: stored raw and replayable, never projected.
 */
public enum TopicKind {
    ACD_START("v2.detail.events.conversation.{id}.acd.start"),
    ACD_END("v2.detail.events.conversation.{id}.acd.end"),
    USER_START("v2.detail.events.conversation.{id}.user.start"),
    USER_END("v2.detail.events.conversation.{id}.user.end"),
    ACW("v2.detail.events.conversation.{id}.acw"),
    USER_ACTIVITY("v2.users.{id}.activity"),
    USER_ROUTING_STATUS("v2.users.{id}.routingStatus"),
    USER_PRESENCE("v2.users.{id}.presence"),
    QUEUE_OBSERVATIONS("v2.analytics.queues.{id}.observations"),
    OTHER(null);

    private static final String ID_PLACEHOLDER = "{id}";

    private final String template;
    private final Pattern pattern;

    TopicKind(String template) {
        this.template = template;
        this.pattern = template == null ? null : compile(template);
    }

    /** The templated topic name, e.g. {@code v2.users.{id}.presence}; empty for {@link #OTHER}. */
    public Optional<String> template() {
        return Optional.ofNullable(template);
    }

    /**
     * The kind of a concrete ({@code v2.users.8f1c….presence}) or templated ({@code v2.users.{id}.presence}) topic,
     * ignoring case because Genesys' own sample app lower-cases topic names before comparing.
     */
    public static TopicKind ofTopic(String concreteOrTemplatedTopic) {
        if (concreteOrTemplatedTopic == null) {
            return OTHER;
        }
        for (TopicKind kind : values()) {
            if (kind.pattern != null && kind.pattern.matcher(concreteOrTemplatedTopic).matches()) {
                return kind;
            }
        }
        return OTHER;
    }

    /**
     * The id a concrete topic carries where the template has {@code {id}} (a conversation, user or queue id);
     * empty for {@link #OTHER}, for a topic of another kind and for a templated topic.
     */
    public Optional<String> idIn(String concreteTopic) {
        if (pattern == null || concreteTopic == null) {
            return Optional.empty();
        }
        Matcher matcher = pattern.matcher(concreteTopic);
        if (!matcher.matches() || ID_PLACEHOLDER.equals(matcher.group(1))) {
            return Optional.empty();
        }
        return Optional.of(matcher.group(1));
    }

    /**
     * Whether the topic is a control frame of the notification channel ({@code channel.metadata} heartbeats and
     * pongs, {@code v2.system.*}): the websocket client acts on these, they are never stored as events.
     */
    public static boolean isControlTopic(String topicName) {
        if (topicName == null) {
            return false;
        }
        String lower = topicName.toLowerCase(Locale.ROOT);
        return lower.equals("channel.metadata") || lower.startsWith("v2.system.");
    }

    /** How rejection details name an event of this kind, e.g. {@code "acd.end event"}. */
    String eventLabel() {
        return switch (this) {
            case ACD_START -> "acd.start event";
            case ACD_END -> "acd.end event";
            case USER_START -> "user.start event";
            case USER_END -> "user.end event";
            case ACW -> "acw event";
            case USER_ACTIVITY -> "user activity event";
            case USER_ROUTING_STATUS -> "user routingStatus event";
            case USER_PRESENCE -> "user presence event";
            case QUEUE_OBSERVATIONS -> "queue observations event";
            case OTHER -> "event";
        };
    }

    private static Pattern compile(String template) {
        int at = template.indexOf(ID_PLACEHOLDER);
        String regex = Pattern.quote(template.substring(0, at))
                + "([^.]+)"
                + Pattern.quote(template.substring(at + ID_PLACEHOLDER.length()));
        return Pattern.compile(regex, Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    }
}
