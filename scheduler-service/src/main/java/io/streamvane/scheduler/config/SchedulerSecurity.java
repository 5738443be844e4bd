package io.streamvane.scheduler.config;

import io.streamvane.platform.security.AccessRule;
import io.streamvane.platform.security.AccessRules;
import io.streamvane.platform.security.Scope;
import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Scheduler's part of the endpoint-to-scope map: running jobs, backfills, gaps and drift need {@code admin}. */
@Configuration(proxyBeanMethods = false)
class SchedulerSecurity {

    @Bean
    AccessRules schedulerAccessRules() {
        return () -> List.of(new AccessRule(null, "/api/v1/scheduler/**", Scope.ADMIN));
    }
}
