package io.streamvane.model.event;

import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.exc.StreamConstraintsException;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.cfg.JsonNodeFeature;
import tools.jackson.databind.json.JsonMapper;

import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * Reads and writes JSON trees within {@link ParserLimits}: Jackson's stream constraints stop deep nesting and huge
 * tokens before they cost stack or memory. Floats are read as exact decimals so numbers survive re-serialisation.
 */
final class JsonCodec {

    private static final int MAX_DETAIL_LENGTH = 200;

    private final JsonMapper mapper;

    JsonCodec(ParserLimits limits) {
        int maxLength = (int) limits.maxBodyBytes();
        StreamReadConstraints constraints = StreamReadConstraints.builder()
                .maxNestingDepth(limits.maxNestingDepth())
                .maxDocumentLength(limits.maxBodyBytes())
                .maxStringLength(maxLength)
                .maxNameLength(Math.min(maxLength, StreamReadConstraints.DEFAULT_MAX_NAME_LEN))
                .build();
        JsonFactory factory = JsonFactory.builder().streamReadConstraints(constraints).build();
        this.mapper = JsonMapper.builder(factory)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                .enable(JsonNodeFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                .build();
    }

    /** The tree of {@code json}; a missing node for blank input. {@code what} names the source in rejections. */
    JsonNode read(byte[] json, String what) {
        try {
            return mapper.readTree(json);
        } catch (StreamConstraintsException e) {
            throw constraintViolated(e, what);
        } catch (JacksonException e) {
            if (e.getCause() instanceof StreamConstraintsException cause) {
                throw constraintViolated(cause, what);
            }
            throw new ItemRejectedException(RejectionReason.MALFORMED_JSON,
                    what + " is not valid JSON: " + shorten(e.getOriginalMessage()));
        } catch (NumberFormatException e) {
            // Valid JSON, but a number (e.g. 1e999999000000) no BigDecimal holds: Jackson throws it unwrapped.
            throw new ItemRejectedException(RejectionReason.INVALID_FIELD,
                    what + " holds a number beyond the parser's limits: " + shorten(e.getMessage()));
        }
    }

    JsonNode read(String json, String what) {
        return read(json.getBytes(StandardCharsets.UTF_8), what);
    }

    String write(JsonNode node) {
        return mapper.writeValueAsString(node);
    }

    private static ItemRejectedException constraintViolated(StreamConstraintsException e, String what) {
        String message = String.valueOf(e.getOriginalMessage());
        RejectionReason reason = message.toLowerCase(Locale.ROOT).contains("nesting depth")
                ? RejectionReason.NESTING_TOO_DEEP
                : RejectionReason.PAYLOAD_TOO_LARGE;
        return new ItemRejectedException(reason, what + " exceeds a parser limit: " + shorten(message));
    }

    private static String shorten(String message) {
        if (message == null) {
            return "unreadable";
        }
        String oneLine = message.replaceAll("\\s+", " ");
        return oneLine.length() <= MAX_DETAIL_LENGTH ? oneLine : oneLine.substring(0, MAX_DETAIL_LENGTH) + "…";
    }
}
