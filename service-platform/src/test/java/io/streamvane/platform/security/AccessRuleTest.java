package io.streamvane.platform.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpMethod;

class AccessRuleTest {

    @Test
    void aGetRuleCoversHeadAndOptionsButNoMethodThatChangesAnything() {
        AccessRule read = AccessRule.of(HttpMethod.GET, "/api/v1/**", Scope.READ);

        assertThat(read.methods()).containsExactlyInAnyOrder(HttpMethod.GET, HttpMethod.HEAD, HttpMethod.OPTIONS);
        assertThat(read.covers(HttpMethod.POST)).isFalse();
        assertThat(read.covers(HttpMethod.DELETE)).isFalse();
        assertThat(AccessRule.of(HttpMethod.POST, "/api/v1/events", Scope.INGEST).methods())
                .containsExactly(HttpMethod.POST);
        assertThat(AccessRule.any("/api/v1/admin/**", Scope.ADMIN).covers(HttpMethod.PATCH)).isTrue();
    }

    @Test
    void actuatorRulesFollowTheManagementBasePathAndNeverMakeTheRootAdminOnly() {
        assertThat(PlatformSecurityConfiguration.actuatorRules("/manage/")).extracting(AccessRule::pattern)
                .containsExactly("/manage", "/manage/prometheus", "/manage/metrics/**", "/manage/info", "/manage/**");
        assertThat(PlatformSecurityConfiguration.actuatorRules("/")).extracting(AccessRule::pattern)
                .containsExactly("/prometheus", "/metrics/**", "/info");
        assertThat(PlatformSecurityConfiguration.actuatorRules("/actuator")).filteredOn(r -> r.scope() == Scope.READ)
                .allSatisfy(r -> assertThat(r.method()).isEqualTo(HttpMethod.GET));
    }
}
