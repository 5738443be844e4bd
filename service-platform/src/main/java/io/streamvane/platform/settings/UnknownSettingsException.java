package io.streamvane.platform.settings;

import java.util.List;
import java.util.stream.Collectors;

/** The start-up found {@code streamvane.*} keys that no settings class takes: most likely misspelt. */
public class UnknownSettingsException extends IllegalStateException {

    private final transient List<UnknownSettings.Unknown> unknown;

    public UnknownSettingsException(List<UnknownSettings.Unknown> unknown) {
        super("No settings class takes " + (unknown.size() == 1 ? "this key" : "these keys")
                + ", so each would silently keep its default: "
                + unknown.stream().map(UnknownSettings.Unknown::toString).collect(Collectors.joining("; ")));
        this.unknown = List.copyOf(unknown);
    }

    public List<UnknownSettings.Unknown> unknown() {
        return unknown;
    }
}
