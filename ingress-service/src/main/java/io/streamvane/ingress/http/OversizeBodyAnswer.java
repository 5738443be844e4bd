package io.streamvane.ingress.http;

import org.apache.coyote.http11.AbstractHttp11Protocol;
import org.springframework.boot.tomcat.TomcatConnectorCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.unit.DataSize;

/**
 * Lets a client that sends a body far over the limit read its 413. Ingress answers before reading such a body;
 * Tomcat then discards the unread rest, but past {@code maxSwallowSize} (2 MB by default) it resets the connection
 * and the client sees a broken response instead of the problem+json. A larger configured value is kept.
 */
@Configuration(proxyBeanMethods = false)
class OversizeBodyAnswer {

    static final DataSize SWALLOW_AT_LEAST = DataSize.ofMegabytes(16);

    @Bean
    TomcatConnectorCustomizer oversizeBodySwallow() {
        return connector -> {
            if (connector.getProtocolHandler() instanceof AbstractHttp11Protocol<?> http) {
                int atLeast = (int) SWALLOW_AT_LEAST.toBytes();
                if (http.getMaxSwallowSize() >= 0 && http.getMaxSwallowSize() < atLeast) {
                    http.setMaxSwallowSize(atLeast);
                }
            }
        };
    }
}
