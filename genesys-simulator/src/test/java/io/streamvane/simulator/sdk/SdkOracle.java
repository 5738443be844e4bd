package io.streamvane.simulator.sdk;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.mypurecloud.sdk.v2.ApiClient;
import com.mypurecloud.sdk.v2.ApiDateFormat;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The Genesys Java SDK (platform-client-v2 198.1.0) as an oracle: its own object mapper
 * ({@link ApiClient#buildObjectMapper}: non-null inclusion, enums read and written by their wire value, Joda, the SDK's
 * ISO date format) with {@code FAIL_ON_UNKNOWN_PROPERTIES} on, so a field the SDK model lacks fails the bind. A bind
 * alone is not enough: the SDK reads an unknown scalar enum value as {@code OutdatedSdkVersion} and an unknown value
 * in an enum <em>list</em> as the enum's first constant (e.g. {@code oLongestWaiting} becomes {@code oActiveUsers}
 * in 198.1.0's QueueObservationQuery), so every bind is followed by a re-serialisation compared with the input tree:
 * any value the SDK could not keep shows up as a difference.
 */
public final class SdkOracle {

    /** Wire value the SDK substitutes for an enum string it does not know. */
    public static final String OUTDATED_SDK_VERSION = "OutdatedSdkVersion";

    private static final ObjectMapper STRICT = ApiClient.buildObjectMapper(new ApiDateFormat())
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true);
    private static final ObjectMapper TREES = new ObjectMapper();

    private SdkOracle() {
    }

    public static ObjectMapper strictMapper() {
        return STRICT;
    }

    public static JavaType type(Class<?> raw, Class<?>... parameters) {
        return STRICT.getTypeFactory().constructParametricType(raw, parameters);
    }

    public static JsonNode tree(String json) {
        try {
            return TREES.readTree(json);
        } catch (JsonProcessingException e) {
            throw new AssertionError("not JSON: " + json, e);
        }
    }

    /**
     * Binds {@code json} to the SDK type strictly and writes it back with the SDK's mapper; returns what went wrong:
     * empty when the SDK knows every field and every value. Never throws for a disagreement.
     */
    public static Verdict check(JsonNode json, JavaType type) {
        Object bound;
        try {
            bound = STRICT.readValue(TREES.writeValueAsString(json), type);
        } catch (JsonProcessingException e) {
            return new Verdict(null, List.of("SDK refused it: " + e.getOriginalMessage()));
        }
        JsonNode written;
        try {
            written = tree(STRICT.writeValueAsString(bound));
        } catch (JsonProcessingException e) {
            return new Verdict(bound, List.of("SDK could not write it back: " + e.getOriginalMessage()));
        }
        List<String> differences = new ArrayList<>();
        diff("", json, written, differences);
        return new Verdict(bound, differences);
    }

    public static Verdict check(JsonNode json, Class<?> type) {
        return check(json, STRICT.getTypeFactory().constructType(type));
    }

    /** Binds and round-trips, failing with every difference named; returns the SDK object. */
    @SuppressWarnings("unchecked")
    public static <T> T bindExactly(String what, JsonNode json, JavaType type) {
        Verdict verdict = check(json, type);
        if (!verdict.differences().isEmpty()) {
            throw new AssertionError(what + " does not match the SDK's " + type.toCanonical() + ":\n  "
                    + String.join("\n  ", verdict.differences()) + "\n  in " + json);
        }
        return (T) verdict.bound();
    }

    public static <T> T bindExactly(String what, JsonNode json, Class<T> type) {
        return bindExactly(what, json, STRICT.getTypeFactory().constructType(type));
    }

    /** Binds strictly only (no write-back): for JSON whose values do not matter, only its field names. */
    public static void bindStrictly(String what, JsonNode json, Class<?> type) {
        try {
            STRICT.readValue(TREES.writeValueAsString(json), type);
        } catch (JsonProcessingException e) {
            throw new AssertionError(what + " refused by the SDK's " + type.getSimpleName() + ": "
                    + e.getOriginalMessage(), e);
        }
    }

    /** A copy without the named top-level fields. */
    public static ObjectNode without(JsonNode node, Set<String> fields) {
        ObjectNode copy = ((ObjectNode) node).deepCopy();
        copy.remove(fields);
        return copy;
    }

    private static boolean isEmptyContainer(JsonNode node) {
        return node.isContainerNode() && node.isEmpty();
    }

    /** What the SDK made of an input and where its re-serialisation differs from it (paths as JSON pointers). */
    public record Verdict(Object bound, List<String> differences) {
    }

    /**
     * Numbers compare by value (the SDK holds stats as BigDecimal and Long, so 5 and 5.0 are one value); everything
     * else compares exactly. An object key present on one side only is a difference either way, with one exception
     * that is the SDK's formatting, not a value: its generated models initialise every list field to an empty list
     * (and some maps to an empty map), which its mapper then writes as {@code []} / {@code {}} although nothing was
     * sent.
     */
    private static void diff(String path, JsonNode expected, JsonNode actual, List<String> out) {
        if (expected.isObject() && actual.isObject()) {
            Set<String> keys = new LinkedHashSet<>();
            expected.fieldNames().forEachRemaining(keys::add);
            actual.fieldNames().forEachRemaining(keys::add);
            for (String key : keys) {
                String at = path + "/" + key;
                if (!actual.has(key)) {
                    out.add(at + ": dropped by the SDK (sent " + expected.get(key) + ")");
                } else if (!expected.has(key)) {
                    if (!isEmptyContainer(actual.get(key))) {
                        out.add(at + ": added by the SDK (" + actual.get(key) + ")");
                    }
                } else {
                    diff(at, expected.get(key), actual.get(key), out);
                }
            }
        } else if (expected.isArray() && actual.isArray()) {
            if (expected.size() != actual.size()) {
                out.add(path + ": " + expected.size() + " elements sent, " + actual.size() + " kept");
            }
            Iterator<JsonNode> e = expected.elements();
            Iterator<JsonNode> a = actual.elements();
            for (int i = 0; e.hasNext() && a.hasNext(); i++) {
                diff(path + "/" + i, e.next(), a.next(), out);
            }
        } else if (expected.isNumber() && actual.isNumber()) {
            if (expected.decimalValue().compareTo(actual.decimalValue()) != 0) {
                out.add(path + ": sent " + expected + ", SDK kept " + actual);
            }
        } else if (!expected.equals(actual)) {
            String why = OUTDATED_SDK_VERSION.equals(actual.asText()) ? " (a value this SDK's enum does not know)" : "";
            out.add(path + ": sent " + expected + ", SDK kept " + actual + why);
        }
    }
}
