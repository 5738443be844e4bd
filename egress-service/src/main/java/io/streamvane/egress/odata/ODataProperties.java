package io.streamvane.egress.odata;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code streamvane.egress.odata.*}.
 *
 * @param maxPageSize entities per response before {@code @odata.nextLink} (server-driven paging)
 */
@Validated
@ConfigurationProperties("streamvane.egress.odata")
public record ODataProperties(@Min(1) @Max(100_000) @DefaultValue("1000") int maxPageSize) {
}
