package io.streamvane.platform.settings;

import java.util.Map;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/**
 * A settings record as Spring Boot binds it, for code that needs one outside a context (tests, fakes, a record's
 * {@code defaults()}): its {@code @DefaultValue}s apply, so the defaults stay in the record alone. No bean
 * validation runs here; the context's binding validates.
 */
public final class SettingsBinder {

    private SettingsBinder() {
    }

    /** The record with every setting at its default. */
    public static <T> T defaults(Class<T> type) {
        return bind(type, Map.of());
    }

    /** The record with {@code values} (keys relative to its prefix, e.g. {@code api-base-url}) and defaults. */
    public static <T> T bind(Class<T> type, Map<String, ?> values) {
        return new Binder(new MapConfigurationPropertySource(values)).bindOrCreate("", type);
    }
}
