package io.streamvane.testsupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;
import org.opentest4j.TestAbortedException;

class PreconditionsTest {

    final ByteArrayOutputStream logged = new ByteArrayOutputStream();
    final PrintStream log = new PrintStream(logged, true, StandardCharsets.UTF_8);

    @Test
    void inCiAMissingServiceFailsTheTestWithTheReason() {
        assertThatThrownBy(() -> Preconditions.require(false, () -> "nothing listens on 127.0.0.1:5672", "true", log))
                .isInstanceOf(AssertionFailedError.class)
                .hasMessageStartingWith("Missing, and required in CI (CI=true): ")
                .hasMessageContaining("nothing listens on 127.0.0.1:5672");
        assertThat(logged.toString(StandardCharsets.UTF_8)).isEmpty();
    }

    @Test
    void outsideCiAMissingServiceSkipsTheTestAndSaysSo() {
        assertThatThrownBy(() -> Preconditions.require(false, () -> "no chromium", null, log))
                .isInstanceOf(TestAbortedException.class)
                .hasMessageContaining("no chromium");
        assertThat(logged.toString(StandardCharsets.UTF_8)).startsWith("[skip] no chromium");
    }

    @Test
    void onlyTrueOrOneMarksCi() {
        for (String ci : new String[] {"true", "TRUE", " true ", "1"}) {
            assertThatThrownBy(() -> Preconditions.require(false, () -> "x", ci, log))
                    .as("CI=%s", ci).isInstanceOf(AssertionFailedError.class);
        }
        for (String ci : new String[] {null, "", "false", "0", "no"}) {
            assertThatThrownBy(() -> Preconditions.require(false, () -> "x", ci, log))
                    .as("CI=%s", ci).isInstanceOf(TestAbortedException.class);
        }
    }

    @Test
    void anAvailableServiceLetsTheTestRunWithoutAskingWhy() {
        AtomicInteger asked = new AtomicInteger();
        Supplier<String> why = () -> "asked " + asked.incrementAndGet();

        assertThatCode(() -> Preconditions.require(true, why, "true", log)).doesNotThrowAnyException();
        assertThatCode(() -> Preconditions.require(true, why, null, log)).doesNotThrowAnyException();

        assertThat(asked).hasValue(0);
        assertThat(logged.toString(StandardCharsets.UTF_8)).isEmpty();
    }
}
