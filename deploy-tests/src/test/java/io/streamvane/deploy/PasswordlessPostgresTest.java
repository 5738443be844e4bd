package io.streamvane.deploy;

import static io.streamvane.deploy.Manifests.applicationYaml;
import static io.streamvane.deploy.Manifests.at;
import static io.streamvane.deploy.Manifests.container;
import static io.streamvane.deploy.Manifests.key;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;

/**
 * Passwordless PostgreSQL through the AKS workload identity: what the chart renders with it on (the production
 * example) and off, and the combinations it refuses because a password would silently switch the token plugin off.
 */
class PasswordlessPostgresTest {

    static final String CLIENT_ID = "11111111-1111-1111-1111-111111111111";
    static final String IDENTITY = "streamvane-identity";
    /** The application.yml the standalone module's Spring test binds: it must stay what the chart renders. */
    static final String SPRING_FIXTURE = "standalone/src/test/resources/passwordless/application.yml";

    @Nested
    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    class On {

        Manifests m;

        @BeforeAll
        void render() {
            m = Chart.render(Map.of("migration.hook", false), Chart.PRODUCTION_VALUES);
        }

        @Test
        void everyConfigTurnsPasswordlessOnWithTheIdentityAsUserAndTls() {
            for (Map<String, Object> config : configs(m)) {
                assertThat((Object) at(config, "spring.datasource.azure.passwordless-enabled")).isEqualTo(true);
                assertThat((Object) at(config, "spring.datasource.username")).isEqualTo(IDENTITY);
                assertThat((String) at(config, "spring.datasource.url"))
                        .isEqualTo("jdbc:postgresql://streamvane-pg.postgres.database.azure.com:5432/streamvane?sslmode=require");
                assertThat((Object) at(config, "spring.datasource.password")).isNull();
                assertThat((Object) at(config, "spring.cloud.azure.credential.client-id")).isEqualTo(CLIENT_ID);
            }
        }

        @Test
        void everyPodRunsAsTheWorkloadIdentity() {
            Map<String, Object> sa = m.named("ServiceAccount", "sv-streamvane");
            assertThat((Object) key(sa, "metadata.annotations", "azure.workload.identity/client-id")).isEqualTo(CLIENT_ID);
            List<Map<String, Object>> workloads = new ArrayList<>(m.ofKind("Deployment"));
            workloads.add(m.named("Job", "sv-streamvane-migrate"));
            assertThat(workloads).hasSize(5);
            for (Map<String, Object> workload : workloads) {
                assertThat((Object) key(workload, "spec.template.metadata.labels", "azure.workload.identity/use"))
                        .as("%s", (Object) at(workload, "metadata.name")).isEqualTo("true");
                assertThat((Object) at(workload, "spec.template.spec.serviceAccountName")).isEqualTo("sv-streamvane");
                assertThat((Object) at(container(workload), "envFrom")).isNull();
            }
        }

        @Test
        void noPasswordInAnyManifest() {
            assertThat(m.ofKind("Secret")).isEmpty();
            assertThat(m.text).doesNotContainIgnoringCase("SPRING_DATASOURCE_PASSWORD")
                    .doesNotContainPattern("(?im)^\\s*password\\s*:");
        }

        @Test
        void theSpringTestBindsWhatTheChartRenders() throws IOException {
            Map<String, Object> fixture = new Yaml(new LoaderOptions())
                    .load(Files.readString(Repo.resolve(SPRING_FIXTURE)));
            for (Map<String, Object> config : configs(m)) {
                assertThat((Object) at(config, "spring.datasource")).isEqualTo(at(fixture, "spring.datasource"));
                assertThat((Object) at(config, "spring.cloud.azure.credential"))
                        .isEqualTo(at(fixture, "spring.cloud.azure.credential"));
            }
        }

        @Test
        void notesTellWhichRoleTheEntraAdminCreates() {
            assertThat(Chart.installDryRun(Map.of(), Chart.PRODUCTION_VALUES))
                    .contains("select * from pgaadauth_create_principal('streamvane-identity', false, false);");
        }
    }

    @Nested
    class Off {

        @Test
        void thePasswordComesFromAnExistingSecretByReference() {
            Manifests m = Chart.render(Map.of("migration.hook", false, "database.passwordless", false,
                    "secrets.existingSecret", "streamvane-db"), Chart.PRODUCTION_VALUES);
            assertThat(m.ofKind("Secret")).isEmpty();
            for (Map<String, Object> config : configs(m)) {
                assertThat((Object) at(config, "spring.datasource.azure")).isNull();
                assertThat((Object) at(config, "spring.datasource.password")).isNull();
            }
            List<Map<String, Object>> workloads = new ArrayList<>(m.ofKind("Deployment"));
            workloads.add(m.named("Job", "sv-streamvane-migrate"));
            for (Map<String, Object> workload : workloads) {
                assertThat((Object) at(container(workload), "envFrom.0.secretRef.name"))
                        .as("%s", (Object) at(workload, "metadata.name")).isEqualTo("streamvane-db");
            }
        }

        @Test
        void aChartManagedPasswordSitsOnlyBase64InItsSecret() {
            String password = "pg-secret-not-in-plain-text";
            Manifests m = Chart.render(Map.of("migration.hook", false, "database.passwordless", false,
                    "secrets.create", true, "database.password", password), Chart.PRODUCTION_VALUES);
            assertThat(m.text).doesNotContain(password);
            assertThat((String) at(m.named("Secret", "sv-streamvane-env"), "data.SPRING_DATASOURCE_PASSWORD"))
                    .isEqualTo(java.util.Base64.getEncoder().encodeToString(password.getBytes()));
            for (Map<String, Object> d : m.ofKind("Deployment")) {
                assertThat((Object) at(container(d), "envFrom.0.secretRef.name")).isEqualTo("sv-streamvane-env");
                assertThat((Object) at(container(d), "env")).asString().doesNotContain("PASSWORD");
            }
        }

        @Test
        void theUrlIsLeftAsGiven() {
            Manifests m = Chart.render(Map.of("database.url", "jdbc:postgresql://pg:5432/streamvane"));
            assertThat((Object) at(applicationYaml(m.named("ConfigMap", "sv-streamvane-engine-config")),
                    "spring.datasource.url")).isEqualTo("jdbc:postgresql://pg:5432/streamvane");
        }
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "jdbc:postgresql://pg:5432/sv                              | jdbc:postgresql://pg:5432/sv?sslmode=require",
            "jdbc:postgresql://pg:5432/sv?ApplicationName=x            | jdbc:postgresql://pg:5432/sv?ApplicationName=x&sslmode=require",
            "jdbc:postgresql://pg:5432/sv?sslmode=require              | jdbc:postgresql://pg:5432/sv?sslmode=require",
            "jdbc:postgresql://pg:5432/sv?sslmode=verify-full&x=1      | jdbc:postgresql://pg:5432/sv?sslmode=verify-full&x=1"})
    void passwordlessUrlsAlwaysRequireTls(String given, String rendered) {
        Manifests m = Chart.render(passwordless(Map.of("database.url", given)));
        assertThat((Object) at(applicationYaml(m.named("ConfigMap", "sv-streamvane-ingress-config")),
                "spring.datasource.url")).isEqualTo(rendered);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "database.url                           | jdbc:postgresql://pg/sv?sslmode=prefer | sslmode=require",
            "database.password                      | x                                      | exclude each other",
            "secrets.env.SPRING_DATASOURCE_PASSWORD | x                                      | exclude each other",
            "azure.workloadIdentity.enabled         | false                                  | needs azure.workloadIdentity.enabled",
            "database.username                      | ''                                     | needs database.username"})
    void passwordlessRefusesWhatWouldDefeatIt(String key, String value, String message) {
        Object typed = "false".equals(value) ? Boolean.FALSE : value;
        assertThatThrownBy(() -> Chart.render(passwordless(Map.of(key, typed)))).hasMessageContaining(message);
    }

    @Test
    void anEmptyUrlStaysEmptyForAnotherSourceToFill() {
        // e.g. spring.datasource.url from Key Vault through the configtree import.
        Manifests m = Chart.render(passwordless(Map.of("database.url", "")));
        assertThat((Object) at(applicationYaml(m.named("ConfigMap", "sv-streamvane-engine-config")),
                "spring.datasource.url")).isEqualTo("");
    }

    @Test
    void passwordlessRefusesAKeyVaultDatabasePassword() {
        Map<String, Object> sets = passwordless(Map.of("secrets.keyVault.enabled", true, "secrets.keyVault.name", "kv",
                "azure.tenantId", "t", "secrets.keyVault.objects[0].objectName", "db-password",
                "secrets.keyVault.objects[0].property", "spring.datasource.password"));
        assertThatThrownBy(() -> Chart.render(sets)).hasMessageContaining("Key Vault object for spring.datasource.password");
    }

    /** Default values with passwordless and the workload identity on, plus the given overrides. */
    private static Map<String, Object> passwordless(Map<String, Object> overrides) {
        Map<String, Object> sets = new HashMap<>(Map.of("database.passwordless", true,
                "database.username", IDENTITY, "azure.workloadIdentity.enabled", true,
                "azure.workloadIdentity.clientId", CLIENT_ID));
        sets.putAll(overrides);
        return sets;
    }

    /** The application.yml of every service and of the migration Job. */
    private static List<Map<String, Object>> configs(Manifests m) {
        List<Map<String, Object>> configs = new ArrayList<>();
        for (String service : ChartTest.SERVICES) {
            configs.add(applicationYaml(m.named("ConfigMap", "sv-streamvane-" + service + "-config")));
        }
        configs.add(applicationYaml(m.named("ConfigMap", "sv-streamvane-migrate-config")));
        return configs;
    }
}
