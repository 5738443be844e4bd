package io.streamvane.platform.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ApiKeyStoreTest {

    private static final String READ = "s3cret-read-4f1a9c7e2b6d08e5a3c1";
    private static final String ADMIN = "s3cret-admin-9e2d7b4a1c6f03e8b5d2";

    private final ApiKeyStore store = new ApiKeyStore(List.of(
            new SecurityProperties.ApiKey("bi", null, ApiKeyStore.hash(READ), List.of("read")),
            new SecurityProperties.ApiKey("ops", ADMIN, null, List.of("ADMIN"))));

    @Test
    void aConfiguredHashAcceptsItsKeyWithItsScopes() {
        assertThat(store.authenticate(READ)).hasValueSatisfying(p -> {
            assertThat(p.name()).isEqualTo("bi");
            assertThat(p.scopes()).containsExactly(Scope.READ);
        });
    }

    @Test
    void adminImpliesEveryScope() {
        assertThat(store.authenticate(ADMIN).orElseThrow().scopes())
                .isEqualTo(Set.of(Scope.READ, Scope.INGEST, Scope.ADMIN));
    }

    @Test
    void anUnknownOrEmptyKeyIsRejected() {
        assertThat(store.authenticate(READ + " ")).isPresent();
        assertThat(store.authenticate(READ.substring(1))).isEmpty();
        assertThat(store.authenticate("")).isEmpty();
        assertThat(store.authenticate(null)).isEmpty();
    }

    @Test
    void aKeyNeedsExactlyOneOfKeyAndHashAndKnownScopes() {
        assertThatThrownBy(() -> new ApiKeyStore(List.of(new SecurityProperties.ApiKey("x", null, null, List.of()))))
                .hasMessageContaining("exactly one");
        assertThatThrownBy(() -> new ApiKeyStore(List.of(new SecurityProperties.ApiKey("x", null, "abc", List.of()))))
                .hasMessageContaining("64 hex");
        assertThatThrownBy(() -> new ApiKeyStore(List.of(new SecurityProperties.ApiKey("x", ADMIN, null,
                List.of("write"))))).hasMessageContaining("unknown scope 'write'");
    }

    @Test
    void aWeakPlainKeyRefusesTheStartNamingTheKeyNotItsValue() {
        for (String weak : new String[] {"readkey123", "k2x", "s3cret-admin-9e2d7b4a1c6f03e8b5", "a".repeat(64),
                "abababababababababababababababababab"}) {
            assertThatThrownBy(() -> new ApiKeyStore(List.of(new SecurityProperties.ApiKey("tv", weak, null,
                    List.of("read"))))).as(weak).hasMessageContaining("api-keys[0] (tv)").hasMessageContaining("weak")
                    .hasMessageNotContaining(weak);
        }
        assertThat(new ApiKeyStore(List.of(new SecurityProperties.ApiKey("hashed", null, ApiKeyStore.hash("k"),
                List.of("read")))).size()).as("a hash is taken as given").isEqualTo(1);
    }

    @Test
    void theKeyNeverAppearsInTheConfiguredKeysText() {
        assertThat(new SecurityProperties.ApiKey("ops", ADMIN, null, List.of("admin")).toString())
                .doesNotContain(ADMIN);
    }

    @Test
    void scopesReadQualifiedEntraRoleNames() {
        assertThat(Scope.parse("Streamvane.Read")).contains(Scope.READ);
        assertThat(Scope.parse("ingest")).contains(Scope.INGEST);
        assertThat(Scope.parse("Streamvane.Write")).isEmpty();
        // Only Streamvane's own qualifier: any other application's or a nested role grants nothing.
        assertThat(Scope.parse("Reports.Admin")).isEmpty();
        assertThat(Scope.parse("Streamvane.Reports.Admin")).isEmpty();
        assertThat(Scope.parse("streamvane.admin")).contains(Scope.ADMIN);
    }

    @Test
    void moreSpecificAccessRulesComeFirstWhoeverContributedThem() {
        var egress = AccessRule.of(org.springframework.http.HttpMethod.GET, "/api/v1/**", Scope.READ);
        var admin = AccessRule.any("/api/v1/admin/**", Scope.ADMIN);
        var ingest = AccessRule.of(org.springframework.http.HttpMethod.POST, "/api/v1/events", Scope.INGEST);

        List<AccessRule> sorted = new java.util.ArrayList<>(List.of(egress, admin, ingest));
        sorted.sort(java.util.Comparator.comparingInt(AccessRule::specificity).reversed());

        assertThat(sorted).containsExactly(ingest, admin, egress);
    }
}
