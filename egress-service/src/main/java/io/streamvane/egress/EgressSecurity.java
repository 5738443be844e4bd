package io.streamvane.egress;

import static io.streamvane.platform.security.AccessRule.any;
import static io.streamvane.platform.security.AccessRule.of;

import io.streamvane.platform.security.AccessRules;
import io.streamvane.platform.security.Scope;
import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;

/**
 * Egress's part of the endpoint-to-scope map: reading needs {@code read}, administration {@code admin}. Every path
 * egress serves is named here (the platform refuses the rest), the OpenAPI document and its UI included.
 */
@Configuration(proxyBeanMethods = false)
class EgressSecurity {

    @Bean
    AccessRules egressAccessRules() {
        return () -> List.of(
                any("/api/v1/admin/**", Scope.ADMIN),
                of(HttpMethod.GET, "/api/v1/**", Scope.READ),
                of(HttpMethod.POST, "/api/v1/wallboard/tokens", Scope.READ),
                any("/odata/**", Scope.READ),
                any("/v3/api-docs/**", Scope.READ),
                of(HttpMethod.GET, "/v3/api-docs.yaml", Scope.READ),
                any("/swagger-ui/**", Scope.READ),
                of(HttpMethod.GET, "/swagger-ui.html", Scope.READ));
    }
}
