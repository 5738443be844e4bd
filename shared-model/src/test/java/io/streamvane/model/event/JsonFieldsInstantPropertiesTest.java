package io.streamvane.model.event;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;

/** The positional reader of Genesys times agrees with {@link Instant#parse} wherever it gives an answer. */
class JsonFieldsInstantPropertiesTest {

    @Property(tries = 2000)
    void readsEveryUtcTimeWithAnyFractionAsInstantParseDoes(
            @ForAll @LongRange(min = -62_135_596_800L, max = 253_402_300_799L) long epochSecond,
            @ForAll @IntRange(min = 0, max = 999_999_999) int nanos, @ForAll @IntRange(min = 0, max = 9) int digits) {
        String whole = Instant.ofEpochSecond(epochSecond).toString().substring(0, 19);
        String fraction = digits == 0 ? "" : "." + String.format("%09d", nanos).substring(0, digits);
        String text = whole + fraction + "Z";

        assertThat(JsonFields.parseCommonUtc(text)).isNotNull().isEqualTo(Instant.parse(text));
    }

    @Property(tries = 5000)
    void neverReadsWhatInstantParseRefusesOrReadsDifferently(@ForAll("nearlyTimes") String text) {
        Instant common = JsonFields.parseCommonUtc(text);
        if (common != null) {
            assertThat(common).isEqualTo(Instant.parse(text));
        } else {
            assertThat(JsonFields.parseInstant(text)).isEqualTo(general(text));
        }
    }

    /** Valid times with one character replaced, inserted or removed, including out-of-range fields. */
    @Provide
    Arbitrary<String> nearlyTimes() {
        Arbitrary<String> base = Arbitraries.of("2026-03-02T08:00:00Z", "2026-03-02T08:00:00.123Z",
                "2024-02-29T23:59:59.999999999Z", "2025-12-31T23:59:60Z", "2026-13-01T00:00:00Z",
                "2026-02-30T10:00:00Z", "2026-03-02T24:00:00Z", "2026-03-02T08:00:00.Z", "2026-03-02T08:00:00.1234567890Z",
                "2026-03-02T08:00:00+01:00", "+12026-03-02T08:00:00Z", "2026-03-02t08:00:00z");
        Arbitrary<Character> replacement = Arbitraries.of('0', '9', '5', 'Z', 'T', '-', ':', '.', ' ', '٣', 'x');
        return net.jqwik.api.Combinators.combine(base, Arbitraries.integers().between(0, 30), replacement,
                Arbitraries.integers().between(0, 3)).as((b, at, c, op) -> {
                    int i = Math.min(at, b.length());
                    return switch (op) {
                        case 0 -> b;
                        case 1 -> i < b.length() ? b.substring(0, i) + c + b.substring(i + 1) : b;
                        case 2 -> b.substring(0, i) + c + b.substring(i);
                        default -> i < b.length() ? b.substring(0, i) + b.substring(i + 1) : b;
                    };
                });
    }

    private static Instant general(String text) {
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException notUtc) {
            try {
                return java.time.OffsetDateTime.parse(text).toInstant();
            } catch (DateTimeParseException notIso) {
                return null;
            }
        }
    }
}
