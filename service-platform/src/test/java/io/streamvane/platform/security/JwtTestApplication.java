package io.streamvane.platform.security;

import java.util.List;
import java.util.Map;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpMethod;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The smallest web app a Streamvane service is: the platform security chain, one {@link AccessRules} bean as a
 * service contributes it, and one endpoint per scope that echoes who called and with which authorities.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
@Import({PlatformSecurityConfiguration.class, JwtTestApplication.Endpoints.class})
class JwtTestApplication {

    @Bean
    AccessRules testAccessRules() {
        return () -> List.of(
                AccessRule.of(HttpMethod.GET, "/api/v1/**", Scope.READ),
                AccessRule.of(HttpMethod.POST, "/api/v1/events", Scope.INGEST),
                AccessRule.any("/api/v1/admin/**", Scope.ADMIN));
    }

    @RestController
    static class Endpoints {

        @GetMapping("/api/v1/queues")
        Map<String, Object> read(Authentication who) {
            return describe(who);
        }

        @PostMapping("/api/v1/events")
        Map<String, Object> ingest(Authentication who) {
            return describe(who);
        }

        @PostMapping("/api/v1/admin/replay")
        Map<String, Object> admin(Authentication who) {
            return describe(who);
        }

        /** Covered by no rule: refused to every credential, as any path a service forgot to name. */
        @GetMapping("/whoami")
        Map<String, Object> whoami(Authentication who) {
            return describe(who);
        }

        private static Map<String, Object> describe(Authentication who) {
            return Map.of("type", who.getClass().getSimpleName(), "name", who.getName(),
                    "authorities", who.getAuthorities().stream().map(Object::toString).sorted().toList());
        }
    }
}
