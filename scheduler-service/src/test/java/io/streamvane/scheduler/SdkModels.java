package io.streamvane.scheduler;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.mypurecloud.sdk.v2.ApiClient;
import com.mypurecloud.sdk.v2.ApiDateFormat;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The Genesys Java SDK's models (platform-client-v2 198.1.0) as an oracle for JSON we write: the SDK's own mapper
 * ({@link ApiClient#buildObjectMapper}) with {@code FAIL_ON_UNKNOWN_PROPERTIES} on, and the bound object written back
 * and compared with the input, because the SDK reads an unknown enum value as {@code OutdatedSdkVersion} (scalars) or
 * as the enum's first constant (lists) rather than failing. The genesys-simulator tests hold the same oracle.
 */
final class SdkModels {

    private static final ObjectMapper STRICT = ApiClient.buildObjectMapper(new ApiDateFormat())
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true);
    private static final ObjectMapper TREES = new ObjectMapper();

    private SdkModels() {
    }

    static JsonNode tree(String json) {
        try {
            return TREES.readTree(json);
        } catch (JsonProcessingException e) {
            throw new AssertionError("not JSON: " + json, e);
        }
    }

    /** Binds strictly, writes back with the SDK's mapper and fails on any difference; returns the SDK object. */
    static <T> T bindExactly(String what, JsonNode json, Class<T> type) {
        T bound;
        JsonNode written;
        try {
            bound = STRICT.readValue(TREES.writeValueAsString(json), type);
            written = tree(STRICT.writeValueAsString(bound));
        } catch (JsonProcessingException e) {
            throw new AssertionError(what + " refused by the SDK's " + type.getSimpleName() + ": "
                    + e.getOriginalMessage() + "\n  in " + json, e);
        }
        List<String> differences = new ArrayList<>();
        diff("", json, written, differences);
        if (!differences.isEmpty()) {
            throw new AssertionError(what + " does not match the SDK's " + type.getSimpleName() + ":\n  "
                    + String.join("\n  ", differences) + "\n  in " + json);
        }
        return bound;
    }

    /** Binds strictly only (no write-back): for JSON whose values do not matter, only its field names. */
    static void bindStrictly(String what, JsonNode json, Class<?> type) {
        try {
            STRICT.readValue(TREES.writeValueAsString(json), type);
        } catch (JsonProcessingException e) {
            throw new AssertionError(what + " refused by the SDK's " + type.getSimpleName() + ": "
                    + e.getOriginalMessage(), e);
        }
    }

    /** Numbers by value; the SDK's generated models write unsent list fields as {@code []}, which is not a value. */
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
                    if (!(actual.get(key).isContainerNode() && actual.get(key).isEmpty())) {
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
            out.add(path + ": sent " + expected + ", SDK kept " + actual);
        }
    }
}
