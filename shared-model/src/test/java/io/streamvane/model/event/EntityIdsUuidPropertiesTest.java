package io.streamvane.model.event;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Pattern;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** The positional id check accepts exactly what the canonical UUID pattern accepts. */
class EntityIdsUuidPropertiesTest {

    private static final Pattern CANONICAL = Pattern.compile(
            "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    @Property(tries = 5000)
    void agreesWithTheCanonicalPattern(@ForAll("nearlyUuids") String id) {
        assertThat(EntityIds.isUuid(id)).isEqualTo(CANONICAL.matcher(id).matches());
    }

    @Provide
    Arbitrary<String> nearlyUuids() {
        Arbitrary<String> uuids = Arbitraries.create(() -> java.util.UUID.randomUUID().toString());
        Arbitrary<Character> c = Arbitraries.of('0', 'f', 'F', 'g', 'G', '-', ' ', 'z', '٣', 'A');
        return net.jqwik.api.Combinators.combine(uuids, Arbitraries.integers().between(0, 37), c,
                Arbitraries.integers().between(0, 4)).as((u, at, ch, op) -> {
                    String upper = op == 4 ? u.toUpperCase() : u;
                    int i = Math.min(at, upper.length());
                    return switch (op) {
                        case 0, 4 -> upper;
                        case 1 -> i < upper.length() ? upper.substring(0, i) + ch + upper.substring(i + 1) : upper;
                        case 2 -> upper.substring(0, i) + ch + upper.substring(i);
                        default -> i < upper.length() ? upper.substring(0, i) + upper.substring(i + 1) : upper;
                    };
                });
    }
}
