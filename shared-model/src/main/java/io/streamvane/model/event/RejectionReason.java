package io.streamvane.model.event;

/**
 * Why input was refused. {@link #code()} is stable: it appears in problem+json bodies, dead-letter reasons and
 * metric tags, so never rename one.
 */
public enum RejectionReason {
    /** The body is zero bytes or only whitespace. */
    EMPTY_BODY("empty-body"),
    /** The body, or a JSON string inside an envelope, is not JSON. */
    MALFORMED_JSON("malformed-json"),
    /** The body exceeds {@link ParserLimits#maxBodyBytes()}. */
    PAYLOAD_TOO_LARGE("payload-too-large"),
    /** A JSON array holds more envelopes than {@link ParserLimits#maxBatchItems()}. */
    BATCH_TOO_LARGE("batch-too-large"),
    /** JSON nests deeper than {@link ParserLimits#maxNestingDepth()}. */
    NESTING_TOO_DEEP("nesting-too-deep"),
    /** An item matches none of the envelopes of SPEC §1.1. */
    UNKNOWN_ENVELOPE("unknown-envelope"),
    /** An envelope or event lacks a field it needs. */
    MISSING_FIELD("missing-field"),
    /** A field has the wrong type or an unreadable value. */
    INVALID_FIELD("invalid-field"),
    /** An entity id (conversation, participant, session, user, queue) is not a Genesys id, a UUID. */
    INVALID_ID("invalid-id"),
    /** The media type is none Genesys names ({@code MediaTypes.KNOWN}). */
    UNKNOWN_MEDIA_TYPE("unknown-media-type"),
    /**
     * The event is older than the dedup horizon (SPEC §1.3): its identity is no longer kept, so it cannot be told from
     * a redelivery. Older data enters through the scheduler's gap-fill, which replaces whole intervals.
     */
    BEYOND_DEDUP_HORIZON("beyond-dedup-horizon"),
    /** The parser failed on this item for a reason it does not know; a bug to report, never expected. */
    PARSER_ERROR("parser-error");

    private final String code;

    RejectionReason(String code) {
        this.code = code;
    }

    /** The kebab-case code, e.g. {@code missing-field}. */
    public String code() {
        return code;
    }
}
