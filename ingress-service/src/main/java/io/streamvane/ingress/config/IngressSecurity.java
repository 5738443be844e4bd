package io.streamvane.ingress.config;

import io.streamvane.platform.security.AccessRule;
import io.streamvane.platform.security.AccessRules;
import io.streamvane.platform.security.Scope;
import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;

/** Ingress's part of the endpoint-to-scope map: posting events needs {@code ingest} (admin implies it). */
@Configuration(proxyBeanMethods = false)
class IngressSecurity {

    @Bean
    AccessRules ingressAccessRules() {
        return () -> List.of(AccessRule.of(HttpMethod.POST, "/api/v1/events", Scope.INGEST));
    }
}
