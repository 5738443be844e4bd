package io.streamvane.egress;

import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code streamvane.egress.query.*}: bounds on the reads of the REST API, the OData feed and the wallboard.
 *
 * @param statementTimeout longest one statement of a read may run before it is cancelled and the request answered
 *                         503; JDBC counts it in whole seconds, so a fraction is rounded up
 */
@Validated
@ConfigurationProperties("streamvane.egress.query")
public record QueryProperties(@NotNull @DurationMin(seconds = 1) @DefaultValue("10s") Duration statementTimeout) {

    /** The timeout as JDBC's query timeout takes it. */
    int statementTimeoutSeconds() {
        return Math.toIntExact(statementTimeout.plusMillis(999).toSeconds());
    }
}
