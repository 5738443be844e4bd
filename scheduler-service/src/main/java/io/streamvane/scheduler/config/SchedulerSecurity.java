package io.streamvane.scheduler.config;

import static io.streamvane.platform.security.AccessRule.any;
import static io.streamvane.platform.security.AccessRule.of;

import io.streamvane.platform.security.AccessRules;
import io.streamvane.platform.security.Scope;
import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;

/**
 * Scheduler's part of the endpoint-to-scope map: running jobs, backfills, gaps and drift need {@code admin}; the
 * OpenAPI document needs {@code read}, as egress's does (the same rules, so the single-process app sees one).
 */
@Configuration(proxyBeanMethods = false)
class SchedulerSecurity {

    @Bean
    AccessRules schedulerAccessRules() {
        return () -> List.of(any("/api/v1/scheduler/**", Scope.ADMIN),
                any("/v3/api-docs/**", Scope.READ),
                of(HttpMethod.GET, "/v3/api-docs.yaml", Scope.READ));
    }
}
