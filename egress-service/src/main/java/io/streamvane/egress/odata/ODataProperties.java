package io.streamvane.egress.odata;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code streamvane.egress.odata.*}.
 *
 * @param maxPageSize entities per response before {@code @odata.nextLink} (server-driven paging)
 */
@ConfigurationProperties("streamvane.egress.odata")
public record ODataProperties(@DefaultValue("1000") int maxPageSize) {

    public ODataProperties {
        if (maxPageSize < 1) {
            throw new IllegalArgumentException("streamvane.egress.odata.max-page-size must be positive");
        }
    }
}
