package io.streamvane.standalone.embedded;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code streamvane.embedded-postgres.*}, defaults in code. Bound by {@link EmbeddedPostgresEnvironment} before the
 * context exists, since the datasource it provides must be in the environment before any bean reads it.
 *
 * @param enabled       start an embedded PostgreSQL when no {@code spring.datasource.url} is configured
 * @param dataDirectory keep the embedded database's data here across restarts; unset: a fresh temporary directory
 */
@Validated
@ConfigurationProperties(EmbeddedPostgresProperties.PREFIX)
public record EmbeddedPostgresProperties(@DefaultValue("true") boolean enabled, Path dataDirectory) {

    static final String PREFIX = "streamvane.embedded-postgres";
}
