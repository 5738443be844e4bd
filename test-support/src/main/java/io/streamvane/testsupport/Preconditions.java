package io.streamvane.testsupport;

import java.io.PrintStream;
import java.util.Locale;
import java.util.function.Supplier;
import org.junit.jupiter.api.Assumptions;
import org.opentest4j.AssertionFailedError;

/**
 * What a test does when something it needs from the machine (PostgreSQL, RabbitMQ, Chromium, ...) is missing. In CI
 * ({@code CI=true} in the environment, or the same-named system property) it <em>fails</em>: a green CI run must
 * mean every test ran. Elsewhere, e.g. on a laptop without the service, it is <em>skipped</em> (a JUnit
 * assumption) and says so on stderr with a {@code [skip]} line.
 */
public final class Preconditions {

    /** The environment variable (or system property) that marks a CI run. */
    public static final String CI = "CI";

    private Preconditions() {
    }

    /**
     * Lets the calling test go on when {@code available}; otherwise fails it under {@code CI=true} and skips it
     * elsewhere, with {@code why} (asked only when it is missing) as the reason.
     */
    public static void require(boolean available, Supplier<String> why) {
        require(available, why, Env.find(CI).orElse(null), System.err);
    }

    /** {@link #require(boolean, Supplier)} with the value of {@code CI} and the skip log given, for tests. */
    static void require(boolean available, Supplier<String> why, String ciValue, PrintStream log) {
        if (available) {
            return;
        }
        String reason = why.get();
        if (isCi(ciValue)) {
            throw new AssertionFailedError("Missing, and required in CI (CI=true): " + reason
                    + " (without CI=true this test would be skipped instead)");
        }
        log.println("[skip] " + reason + " (CI is not set; under CI=true this fails the test)");
        Assumptions.assumeTrue(false, reason);
    }

    /** Whether a {@code CI} value marks a CI run: {@code true} (any case) or {@code 1}. */
    static boolean isCi(String ciValue) {
        if (ciValue == null) {
            return false;
        }
        String v = ciValue.trim().toLowerCase(Locale.ROOT);
        return v.equals("true") || v.equals("1");
    }
}
