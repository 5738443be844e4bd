package io.streamvane.engine.config;

import io.streamvane.platform.security.AccessRule;
import io.streamvane.platform.security.AccessRules;
import io.streamvane.platform.security.Scope;
import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Engine's part of the endpoint-to-scope map: replay and other admin operations need {@code admin}. */
@Configuration(proxyBeanMethods = false)
class EngineSecurity {

    @Bean
    AccessRules engineAccessRules() {
        return () -> List.of(new AccessRule(null, "/api/v1/admin/**", Scope.ADMIN));
    }
}
