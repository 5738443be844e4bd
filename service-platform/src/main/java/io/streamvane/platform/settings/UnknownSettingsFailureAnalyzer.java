package io.streamvane.platform.settings;

import java.util.stream.Collectors;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Prints the unknown keys one a line in Spring Boot's "APPLICATION FAILED TO START" report. */
class UnknownSettingsFailureAnalyzer extends AbstractFailureAnalyzer<UnknownSettingsException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, UnknownSettingsException cause) {
        String keys = cause.unknown().stream().map(u -> "    " + u).collect(Collectors.joining(System.lineSeparator()));
        return new FailureAnalysis("No settings class takes these streamvane.* keys, so each would silently keep its "
                + "default:" + System.lineSeparator() + keys,
                "Correct the spelling (each module's README lists its settings) or remove the key.", cause);
    }
}
