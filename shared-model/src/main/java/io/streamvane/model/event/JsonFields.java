package io.streamvane.model.event;

import tools.jackson.databind.JsonNode;

import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Typed, defensive access to the fields of one JSON object. Absent, null and blank values read as null (Genesys
 * marks every field optional); a value of the wrong type is rejected as {@link RejectionReason#INVALID_FIELD} and a
 * required absent one as {@link RejectionReason#MISSING_FIELD}, both naming the field by its path.
 */
final class JsonFields {

    private static final int MAX_QUOTED_VALUE = 60;

    private final JsonNode object;
    private final String subject;
    private final String path;

    private JsonFields(JsonNode object, String subject, String path) {
        this.object = object;
        this.subject = subject;
        this.path = path;
    }

    /** The fields of {@code node}, which must be an object; {@code subject} starts every rejection detail. */
    static JsonFields of(JsonNode node, String subject) {
        if (node == null || !node.isObject()) {
            throw ItemRejectedException.invalid(subject + " eventBody must be an object, got " + typeOf(node));
        }
        return new JsonFields(node, subject, "");
    }

    /** The nested object {@code field}, or null when absent. */
    JsonFields object(String field) {
        JsonNode value = value(field);
        if (value == null) {
            return null;
        }
        if (!value.isObject()) {
            throw invalid(field, "must be an object", value);
        }
        return new JsonFields(value, subject, path + field + ".");
    }

    JsonFields requiredObject(String field) {
        JsonFields nested = object(field);
        if (nested == null) {
            throw missing(field);
        }
        return nested;
    }

    String text(String field) {
        JsonNode value = value(field);
        if (value == null) {
            return null;
        }
        if (!value.isString()) {
            throw invalid(field, "must be a string", value);
        }
        String text = value.stringValue();
        return text.isBlank() ? null : text;
    }

    String requiredText(String field) {
        return required(field, text(field));
    }

    Long longValue(String field) {
        JsonNode value = value(field);
        if (value == null) {
            return null;
        }
        Long number = asLong(value);
        if (number == null) {
            throw invalid(field, "must be a whole number", value);
        }
        return number;
    }

    Boolean bool(String field) {
        JsonNode value = value(field);
        if (value == null) {
            return null;
        }
        if (!value.isBoolean()) {
            throw invalid(field, "must be true or false", value);
        }
        return value.booleanValue();
    }

    /** Epoch milliseconds, as detail events send them; an ISO-8601 string is accepted too, as bridges may convert. */
    Instant epochMillis(String field) {
        return instant(field, "must be epoch milliseconds");
    }

    /** An ISO-8601 timestamp, as user topics send them; epoch milliseconds are accepted too. */
    Instant isoInstant(String field) {
        return instant(field, "must be an ISO-8601 timestamp");
    }

    Instant requiredEpochMillis(String field) {
        return required(field, epochMillis(field));
    }

    Instant requiredIsoInstant(String field) {
        return required(field, isoInstant(field));
    }

    List<String> textList(String field) {
        JsonNode value = value(field);
        if (value == null) {
            return List.of();
        }
        if (!value.isArray()) {
            throw invalid(field, "must be an array of strings", value);
        }
        List<String> texts = new ArrayList<>(value.size());
        for (JsonNode element : value) {
            if (!element.isString()) {
                throw invalid(field, "must be an array of strings", value);
            }
            texts.add(element.stringValue());
        }
        return texts;
    }

    /** The array {@code field}, or null when absent. */
    JsonNode array(String field) {
        JsonNode value = value(field);
        if (value != null && !value.isArray()) {
            throw invalid(field, "must be an array", value);
        }
        return value;
    }

    /** Wraps an element of an array of this object as fields, named {@code field[index]} in rejections. */
    JsonFields element(String field, int index, JsonNode element) {
        String name = field + "[" + index + "]";
        if (!element.isObject()) {
            throw invalid(name, "must be an object", element);
        }
        return new JsonFields(element, subject, path + name + ".");
    }

    /** The properties of this object. */
    Iterable<Map.Entry<String, JsonNode>> properties() {
        return object.properties();
    }

    /** The exact decimal of a number-valued property, trailing zeros stripped; rejected if not a number. */
    BigDecimal decimal(String field, JsonNode value) {
        if (!value.isNumber()) {
            throw invalid(field, "must be a number", value);
        }
        return value.decimalValue().stripTrailingZeros();
    }

    ItemRejectedException missing(String field) {
        return ItemRejectedException.missing(subject + " lacks " + path + field);
    }

    ItemRejectedException invalid(String field, String requirement) {
        return invalid(field, requirement, object.get(field));
    }

    ItemRejectedException invalid(String field, String requirement, JsonNode value) {
        return ItemRejectedException.invalid(subject + " " + path + field + " " + requirement + ", got "
                + describe(value));
    }

    static final Instant EARLIEST = Instant.parse("1970-01-01T00:00:00Z");
    static final Instant LATEST = Instant.parse("2200-01-01T00:00:00Z");

    static Instant parseInstant(String text) {
        Instant common = parseCommonUtc(text);
        if (common != null) {
            return common;
        }
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException notUtc) {
            try {
                return OffsetDateTime.parse(text).toInstant();
            } catch (DateTimeParseException notIso) {
                return null;
            }
        }
    }

    private static final int[] FRACTION_SCALE = {0, 100_000_000, 10_000_000, 1_000_000, 100_000, 10_000, 1_000,
        100, 10, 1};

    /**
     * The form every Genesys time has, {@code 2026-03-02T08:00:00.123Z} (fraction of 0–9 digits), read by position;
     * null for anything else, which {@link Instant#parse} then decides. The general parser was a fifth of ingress CPU.
     * A value this accepts is one {@link Instant#parse} reads as the same instant (JsonFieldsInstantPropertiesTest).
     */
    static Instant parseCommonUtc(String s) {
        int n = s.length();
        if (n < 20 || n == 21 || n > 30 || s.charAt(n - 1) != 'Z' || s.charAt(4) != '-' || s.charAt(7) != '-'
                || s.charAt(10) != 'T' || s.charAt(13) != ':' || s.charAt(16) != ':' || (n > 20 && s.charAt(19) != '.')) {
            return null;
        }
        int year = digits(s, 0, 4);
        int month = digits(s, 5, 7);
        int day = digits(s, 8, 10);
        int hour = digits(s, 11, 13);
        int minute = digits(s, 14, 16);
        int second = digits(s, 17, 19);
        int fraction = n > 20 ? digits(s, 20, n - 1) : 0;
        if ((year | month | day | hour | minute | second | fraction) < 0) {
            return null;
        }
        try {
            int nanos = n > 20 ? fraction * FRACTION_SCALE[n - 21] : 0;
            return LocalDateTime.of(year, month, day, hour, minute, second, nanos).toInstant(ZoneOffset.UTC);
        } catch (DateTimeException outOfRange) {
            return null;
        }
    }

    /** The ASCII digits s[from, to) as a number, or -1 if any is not one. */
    private static int digits(String s, int from, int to) {
        int v = 0;
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            v = v * 10 + (c - '0');
        }
        return v;
    }

    /** A whole number that fits a long, from an integral, exact-decimal or digit-string node; null otherwise. */
    static Long asLong(JsonNode value) {
        if (value.isIntegralNumber()) {
            return value.canConvertToLong() ? value.longValue() : null;
        }
        if (value.isNumber()) {
            BigDecimal decimal = value.decimalValue();
            // Checked before longValueExact so an exponent like 1e999999999 is refused without arithmetic.
            if (decimal.precision() - decimal.scale() > 19) {
                return null;
            }
            try {
                return decimal.longValueExact();
            } catch (ArithmeticException notWhole) {
                return null;
            }
        }
        if (value.isString() && value.stringValue().matches("-?\\d{1,18}")) {
            return Long.parseLong(value.stringValue());
        }
        return null;
    }

    private Instant instant(String field, String requirement) {
        JsonNode value = value(field);
        if (value == null) {
            return null;
        }
        Long millis = asLong(value);
        Instant parsed = millis != null ? Instant.ofEpochMilli(millis)
                : value.isString() ? parseInstant(value.stringValue()) : null;
        if (parsed == null) {
            throw invalid(field, requirement, value);
        }
        if (!isPlausible(parsed)) {
            throw invalid(field, "must lie between " + EARLIEST + " and " + LATEST, value);
        }
        return parsed;
    }

    /**
     * Event times outside this window are refused per item: the store's timestamp type cannot hold every
     * {@code long} of milliseconds, and one absurd time must not fail the rest of its batch.
     */
    static boolean isPlausible(Instant time) {
        return !time.isBefore(EARLIEST) && time.isBefore(LATEST);
    }

    private <T> T required(String field, T value) {
        if (value == null) {
            throw missing(field);
        }
        return value;
    }

    private JsonNode value(String field) {
        JsonNode value = object.get(field);
        if (value == null || value.isNull() || (value.isString() && value.stringValue().isBlank())) {
            return null;
        }
        return value;
    }

    private static String describe(JsonNode value) {
        if (value.isString()) {
            String text = value.stringValue();
            String shown = text.length() <= MAX_QUOTED_VALUE ? text : text.substring(0, MAX_QUOTED_VALUE) + "…";
            return "\"" + shown + "\"";
        }
        if (value.isNumber() || value.isBoolean()) {
            String shown = value.isNumber() ? value.numberValue().toString() : value.asString();
            return shown.length() <= MAX_QUOTED_VALUE ? shown : shown.substring(0, MAX_QUOTED_VALUE) + "…";
        }
        return typeOf(value);
    }

    static String typeOf(JsonNode node) {
        if (node == null || node.isMissingNode()) {
            return "nothing";
        }
        return switch (node.getNodeType()) {
            case OBJECT -> "an object";
            case ARRAY -> "an array";
            case STRING -> "a string";
            case NUMBER -> "a number";
            case BOOLEAN -> "a boolean";
            case NULL -> "null";
            default -> node.getNodeType().name().toLowerCase();
        };
    }
}
