package io.streamvane.deploy;

import static io.streamvane.deploy.Manifests.applicationYaml;
import static io.streamvane.deploy.Manifests.at;
import static io.streamvane.deploy.Manifests.container;
import static io.streamvane.deploy.Manifests.envValue;
import static io.streamvane.deploy.Manifests.key;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;

import com.marcnuri.helm.LintResult;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ChartTest {

    static final List<String> SERVICES = List.of("ingress", "engine", "scheduler", "egress");

    @Test
    void lintsCleanWithDefaultValues() {
        LintResult result = Chart.lint();
        assertThat(result.isFailed()).as(String.join("\n", result.getMessages())).isFalse();
    }

    @Test
    void lintsCleanWithProductionValues() {
        LintResult result = Chart.lintWith(Chart.PRODUCTION_VALUES);
        assertThat(result.isFailed()).as(String.join("\n", result.getMessages())).isFalse();
    }

    @Nested
    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    class DefaultValues {

        Manifests m;

        @BeforeAll
        void render() {
            // helm-java returns the release manifest without hooks: render the hooks as plain resources to see them.
            m = Chart.render(Map.of("database.password", "not-in-plain-text-4711", "migration.hook", false));
        }

        @Test
        void oneDeploymentPerServiceWithItsReplicaCount() {
            assertThat(m.ofKind("Deployment")).extracting(d -> at(d, "metadata.name"))
                    .containsExactlyInAnyOrder("sv-streamvane-ingress", "sv-streamvane-engine",
                            "sv-streamvane-scheduler", "sv-streamvane-egress");
            assertThat((Object) at(m.named("Deployment", "sv-streamvane-ingress"), "spec.replicas")).isEqualTo(2);
            assertThat((Object) at(m.named("Deployment", "sv-streamvane-engine"), "spec.replicas")).isEqualTo(2);
            assertThat((Object) at(m.named("Deployment", "sv-streamvane-scheduler"), "spec.replicas")).isEqualTo(1);
            assertThat((Object) at(m.named("Deployment", "sv-streamvane-egress"), "spec.replicas")).isEqualTo(2);
        }

        @ParameterizedTest
        @ValueSource(strings = {"ingress", "engine", "scheduler", "egress"})
        void probesOnActuatorHealthGroupsOfTheManagementPort(String service) {
            Map<String, Object> c = container(m.named("Deployment", "sv-streamvane-" + service));
            assertThat((Object) at(c, "livenessProbe.httpGet.path")).isEqualTo("/actuator/health/liveness");
            assertThat((Object) at(c, "readinessProbe.httpGet.path")).isEqualTo("/actuator/health/readiness");
            assertThat((Object) at(c, "startupProbe.httpGet.path")).isEqualTo("/actuator/health/liveness");
            assertThat((Object) at(c, "livenessProbe.httpGet.port")).isEqualTo("http-mgmt");
            assertThat((Object) at(c, "readinessProbe.httpGet.port")).isEqualTo("http-mgmt");
            List<Map<String, Object>> ports = at(c, "ports");
            assertThat(ports).extracting(p -> p.get("name") + ":" + p.get("containerPort"))
                    .containsExactly("http:8080", "http-mgmt:8081");

            Map<String, Object> config = applicationYaml(m.named("ConfigMap", "sv-streamvane-" + service + "-config"));
            assertThat((Object) at(config, "management.server.port")).isEqualTo(8081);
            assertThat((Object) at(config, "management.endpoint.health.probes.enabled")).isEqualTo(true);
            assertThat((String) at(config, "management.endpoints.web.exposure.include")).contains("prometheus");
        }

        @ParameterizedTest
        @ValueSource(strings = {"ingress", "engine", "scheduler", "egress"})
        void configMapMountedAtSlashConfigAndNamedInTheEnvironment(String service) {
            Map<String, Object> d = m.named("Deployment", "sv-streamvane-" + service);
            Map<String, Object> c = container(d);
            assertThat(envValue(c, "SPRING_CONFIG_ADDITIONAL_LOCATION")).isEqualTo("optional:file:/config/");
            List<Map<String, Object>> mounts = at(c, "volumeMounts");
            assertThat(mounts).anySatisfy(mount -> {
                assertThat(mount.get("name")).isEqualTo("config");
                assertThat(mount.get("mountPath")).isEqualTo("/config");
            });
            List<Map<String, Object>> volumes = at(d, "spec.template.spec.volumes");
            assertThat(volumes).anySatisfy(v -> {
                assertThat(v.get("name")).isEqualTo("config");
                assertThat((Object) at(v, "configMap.name")).isEqualTo("sv-streamvane-" + service + "-config");
            });
            assertThat((String) key(d, "spec.template.metadata.annotations", "checksum/config")).hasSize(64);
        }

        @ParameterizedTest
        @ValueSource(strings = {"ingress", "engine", "scheduler", "egress"})
        void gracefulShutdownStructuredLogsAndNoMigrationInTheServices(String service) {
            Map<String, Object> d = m.named("Deployment", "sv-streamvane-" + service);
            Map<String, Object> config = applicationYaml(m.named("ConfigMap", "sv-streamvane-" + service + "-config"));
            assertThat((Object) at(config, "server.shutdown")).isEqualTo("graceful");
            assertThat((Object) at(config, "server.forward-headers-strategy")).isEqualTo("native");
            assertThat((Object) at(config, "spring.lifecycle.timeout-per-shutdown-phase")).isEqualTo("30s");
            assertThat((Object) at(config, "spring.flyway.enabled")).isEqualTo(false);
            assertThat((Object) at(config, "logging.structured.format.console")).isEqualTo("ecs");
            assertThat((Object) at(config, "spring.datasource.url")).isEqualTo("jdbc:postgresql://postgresql:5432/streamvane");
            assertThat((Object) at(d, "spec.template.spec.terminationGracePeriodSeconds")).isEqualTo(60);
            assertThat((Object) at(container(d), "lifecycle.preStop.sleep.seconds")).isEqualTo(10);
        }

        @ParameterizedTest
        @ValueSource(strings = {"ingress", "engine", "scheduler", "egress"})
        void resourcesAndNonRootSecurityContext(String service) {
            Map<String, Object> d = m.named("Deployment", "sv-streamvane-" + service);
            Map<String, Object> c = container(d);
            assertThat((Object) at(c, "resources.requests.cpu")).isNotNull();
            assertThat((Object) at(c, "resources.requests.memory")).isNotNull();
            assertThat((Object) at(c, "resources.limits.memory")).isNotNull();
            assertThat((Object) at(d, "spec.template.spec.securityContext.runAsNonRoot")).isEqualTo(true);
            assertThat((Object) at(d, "spec.template.spec.securityContext.runAsUser")).isEqualTo(65532);
            assertThat((Object) at(c, "securityContext.readOnlyRootFilesystem")).isEqualTo(true);
            assertThat((Object) at(c, "securityContext.allowPrivilegeEscalation")).isEqualTo(false);
        }

        @Test
        void imagesComeFromTheChartAppVersion() {
            assertThat((Object) at(container(m.named("Deployment", "sv-streamvane-ingress")), "image"))
                    .isEqualTo("streamvane/ingress-service:0.1.0-SNAPSHOT");
            assertThat((Object) at(container(m.named("Deployment", "sv-streamvane-engine")), "image"))
                    .isEqualTo("streamvane/reactive-engine:0.1.0-SNAPSHOT");
        }

        @Test
        void servicesOnlyForIngressAndEgress() {
            assertThat(m.ofKind("Service")).extracting(s -> at(s, "metadata.name"))
                    .containsExactlyInAnyOrder("sv-streamvane-ingress", "sv-streamvane-egress");
            Map<String, Object> ingress = m.named("Service", "sv-streamvane-ingress");
            assertThat((Object) at(ingress, "spec.ports.0.targetPort")).isEqualTo("http");
            assertThat((Object) key(ingress, "spec.selector", "app.kubernetes.io/component")).isEqualTo("ingress");
        }

        @Test
        void migrationJobMigratesWithoutAWebServerAndExits() {
            Map<String, Object> job = m.named("Job", "sv-streamvane-migrate");
            assertThat((Object) at(job, "spec.template.spec.restartPolicy")).isEqualTo("Never");
            assertThat((Object) at(job, "spec.backoffLimit")).isEqualTo(3);
            Map<String, Object> c = container(job);
            assertThat((Object) at(c, "image")).isEqualTo("streamvane/ingress-service:0.1.0-SNAPSHOT");
            assertThat(envValue(c, "SPRING_CONFIG_ADDITIONAL_LOCATION")).isEqualTo("optional:file:/config/");

            Map<String, Object> config = applicationYaml(m.named("ConfigMap", "sv-streamvane-migrate-config"));
            assertThat((Object) at(config, "spring.flyway.enabled")).isEqualTo(true);
            assertThat((Object) at(config, "spring.main.web-application-type")).isEqualTo("none");
            assertThat((Object) at(config, "streamvane.migration.exit-after-migrate")).isEqualTo(true);
            assertThat((Object) at(config, "management")).as("no actuator config in the Job").isNull();
            assertThat((Object) at(c, "envFrom.0.secretRef.name")).isEqualTo("sv-streamvane-env");
            assertThat((Object) at(c, "livenessProbe")).isNull();
        }

        @Test
        void passwordOnlyInTheSecretAndNeverInPlainText() {
            assertThat(m.text).doesNotContain("not-in-plain-text-4711");
            Map<String, Object> secret = m.named("Secret", "sv-streamvane-env");
            assertThat((String) at(secret, "data.SPRING_DATASOURCE_PASSWORD"))
                    .isEqualTo(java.util.Base64.getEncoder().encodeToString("not-in-plain-text-4711".getBytes()));
            for (String service : SERVICES) {
                assertThat((Object) at(container(m.named("Deployment", "sv-streamvane-" + service)),
                        "envFrom.0.secretRef.name")).isEqualTo("sv-streamvane-env");
            }
        }

        @Test
        void pdbsWhereEnabledAndNoHpaOrServiceMonitorByDefault() {
            assertThat(m.ofKind("PodDisruptionBudget")).extracting(p -> at(p, "metadata.name"))
                    .containsExactlyInAnyOrder("sv-streamvane-ingress", "sv-streamvane-engine", "sv-streamvane-egress");
            assertThat(m.ofKind("HorizontalPodAutoscaler")).isEmpty();
            assertThat(m.ofKind("ServiceMonitor")).isEmpty();
            assertThat(m.ofKind("SecretProviderClass")).isEmpty();
        }

        @Test
        void noWorkloadIdentityUnlessAsked() {
            Map<String, Object> d = m.named("Deployment", "sv-streamvane-ingress");
            assertThat((Object) key(d, "spec.template.metadata.labels", "azure.workload.identity/use")).isNull();
        }
    }

    @Nested
    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    class ProductionValues {

        Manifests m;

        @BeforeAll
        void render() {
            m = Chart.render(Map.of("migration.hook", false), Chart.PRODUCTION_VALUES);
            Chart.writeReport("production-manifests.yaml", m.text);
        }

        @Test
        void workloadIdentityOnTheServiceAccountAndEveryPod() {
            Map<String, Object> sa = m.named("ServiceAccount", "sv-streamvane");
            assertThat((Object) key(sa, "metadata.annotations", "azure.workload.identity/client-id"))
                    .isEqualTo("11111111-1111-1111-1111-111111111111");
            for (Map<String, Object> workload : m.ofKind("Deployment")) {
                assertThat((Object) key(workload, "spec.template.metadata.labels", "azure.workload.identity/use"))
                        .as("%s", (Object) at(workload, "metadata.name")).isEqualTo("true");
                assertThat((Object) at(workload, "spec.template.spec.serviceAccountName")).isEqualTo("sv-streamvane");
            }
            Map<String, Object> job = m.named("Job", "sv-streamvane-migrate");
            assertThat((Object) key(job, "spec.template.metadata.labels", "azure.workload.identity/use")).isEqualTo("true");
        }

        @Test
        void passwordlessServiceBusAndPostgres() {
            Map<String, Object> ingress = applicationYaml(m.named("ConfigMap", "sv-streamvane-ingress-config"));
            assertThat((Object) at(ingress, "spring.cloud.azure.servicebus.namespace"))
                    .isEqualTo("streamvane-bus.servicebus.windows.net");
            assertThat((Object) at(ingress, "spring.cloud.azure.servicebus.connection-string")).isNull();
            assertThat((Object) at(ingress, "spring.cloud.azure.servicebus.processor.auto-complete")).isEqualTo(false);
            assertThat((Object) at(ingress, "spring.cloud.azure.credential.client-id"))
                    .isEqualTo("11111111-1111-1111-1111-111111111111");
            for (String service : SERVICES) {
                Map<String, Object> config = applicationYaml(m.named("ConfigMap", "sv-streamvane-" + service + "-config"));
                assertThat((Object) at(config, "spring.datasource.azure.passwordless-enabled")).isEqualTo(true);
                assertThat((Object) at(config, "spring.datasource.password")).isNull();
                assertThat((Object) at(config, "spring.config.import")).isEqualTo("optional:configtree:/mnt/secrets/");
            }
            Map<String, Object> engine = applicationYaml(m.named("ConfigMap", "sv-streamvane-engine-config"));
            assertThat((Object) at(engine, "spring.cloud.azure.servicebus")).isNull();
        }

        @Test
        void keyVaultThroughTheCsiDriverAndNoKubernetesSecret() {
            assertThat(m.ofKind("Secret")).isEmpty();
            Map<String, Object> spc = m.named("SecretProviderClass", "sv-streamvane");
            assertThat((Object) at(spc, "spec.provider")).isEqualTo("azure");
            assertThat((Object) at(spc, "spec.parameters.clientID")).isEqualTo("11111111-1111-1111-1111-111111111111");
            assertThat((Object) at(spc, "spec.parameters.keyvaultName")).isEqualTo("streamvane-kv");
            assertThat((Object) at(spc, "spec.parameters.usePodIdentity")).isEqualTo("false");
            assertThat((String) at(spc, "spec.parameters.objects"))
                    .contains("objectName: genesys-client-secret", "objectAlias: streamvane.scheduler.genesys.client-secret");
            for (Map<String, Object> d : m.ofKind("Deployment")) {
                List<Map<String, Object>> volumes = at(d, "spec.template.spec.volumes");
                assertThat(volumes).anySatisfy(v -> assertThat((Object) at(v, "csi.volumeAttributes.secretProviderClass"))
                        .isEqualTo("sv-streamvane"));
                assertThat((Object) at(container(d), "envFrom")).isNull();
            }
        }

        @Test
        void autoscaledDeploymentsLeaveReplicasToTheHpa() {
            for (String service : List.of("ingress", "engine", "egress")) {
                assertThat((Object) at(m.named("Deployment", "sv-streamvane-" + service), "spec.replicas")).isNull();
                Map<String, Object> hpa = m.named("HorizontalPodAutoscaler", "sv-streamvane-" + service);
                assertThat((Object) at(hpa, "apiVersion")).isEqualTo("autoscaling/v2");
                assertThat((Object) at(hpa, "spec.scaleTargetRef.name")).isEqualTo("sv-streamvane-" + service);
            }
            assertThat((Object) at(m.named("HorizontalPodAutoscaler", "sv-streamvane-ingress"), "spec.minReplicas")).isEqualTo(3);
            assertThat((Object) at(m.named("Deployment", "sv-streamvane-scheduler"), "spec.replicas")).isEqualTo(2);
            assertThat((Object) at(m.named("PodDisruptionBudget", "sv-streamvane-ingress"), "spec.minAvailable")).isEqualTo(2);
            assertThat(m.ofKind("PodDisruptionBudget")).hasSize(4);
        }

        @Test
        void productionResourcesAndImagesFromTheRegistry() {
            Map<String, Object> c = container(m.named("Deployment", "sv-streamvane-engine"));
            assertThat((Object) at(c, "resources.requests.cpu")).isEqualTo("1");
            assertThat((Object) at(c, "resources.limits.memory")).isEqualTo("1536Mi");
            assertThat((Object) at(c, "image")).isEqualTo("myregistry.azurecr.io/streamvane/reactive-engine:0.1.0");
        }

        @Test
        void serviceMonitorScrapesTheManagementPortOfEveryServiceWithTheReadKeyFromItsSecret() {
            Map<String, Object> sm = m.named("ServiceMonitor", "sv-streamvane");
            assertThat((Object) at(sm, "spec.endpoints.0.port")).isEqualTo("http-mgmt");
            assertThat((Object) at(sm, "spec.endpoints.0.path")).isEqualTo("/actuator/prometheus");
            assertThat((Object) at(sm, "spec.endpoints.0.authorization")).isEqualTo(Map.of("type", "Bearer",
                    "credentials", Map.of("name", "streamvane-metrics-api-key", "key", "api-key")));
            assertThat((Object) key(sm, "metadata.labels", "release")).isEqualTo("kube-prometheus-stack");
            for (String service : SERVICES) {
                Map<String, Object> svc = m.named("Service", "sv-streamvane-" + service + "-metrics");
                assertThat((Object) key(svc, "metadata.labels", "streamvane.io/metrics")).isEqualTo("true");
                assertThat((Object) at(svc, "spec.ports.0.name")).isEqualTo("http-mgmt");
            }
        }
    }

    @Test
    void byDefaultTheMigrationJobAndWhatItNeedsAreHelmHooks() {
        // helm-java (like `helm install`) keeps hooks out of the release manifest: what disappears when the
        // migration is a hook is exactly the hook set, created before the Job (hook weights -10, -5, 0).
        Map<String, Object> sets = Map.of("database.password", "x", "azure.workloadIdentity.enabled", true,
                "azure.workloadIdentity.clientId", "c", "azure.tenantId", "t",
                "secrets.keyVault.enabled", true, "secrets.keyVault.name", "kv");
        List<String> asHooks = Chart.render(sets).names();
        java.util.Map<String, Object> plainSets = new java.util.HashMap<>(sets);
        plainSets.put("migration.hook", false);
        List<String> plain = Chart.render(plainSets).names();
        assertThat(plain).containsAll(asHooks);
        assertThat(plain.stream().filter(n -> !asHooks.contains(n)))
                .containsExactlyInAnyOrder("ServiceAccount/sv-streamvane", "Secret/sv-streamvane-env",
                        "SecretProviderClass/sv-streamvane", "ConfigMap/sv-streamvane-migrate-config",
                        "Job/sv-streamvane-migrate");
    }

    @Test
    void hookAnnotationsOrderTheMigrationAfterItsPrerequisites() throws Exception {
        String job = java.nio.file.Files.readString(Repo.chart().resolve("templates/migration-job.yaml"));
        String helpers = java.nio.file.Files.readString(Repo.chart().resolve("templates/_helpers.tpl"));
        assertThat(job).contains("helm.sh/hook: pre-install,pre-upgrade", "helm.sh/hook-weight: \"-5\"",
                "helm.sh/hook-weight: \"0\"");
        assertThat(helpers).contains("helm.sh/hook: pre-install,pre-upgrade", "helm.sh/hook-weight: \"-10\"");
        for (String template : List.of("serviceaccount.yaml", "secret.yaml", "secretproviderclass.yaml")) {
            assertThat(java.nio.file.Files.readString(Repo.chart().resolve("templates/" + template)))
                    .as(template).contains("streamvane.preHookAnnotations");
        }
    }

    @Test
    void notesRenderWithTheInstallOutput() {
        String output = Chart.installDryRun(Map.of("database.password", "x"));
        assertThat(output).contains("Streamvane 0.1.0-SNAPSHOT is installed as release \"sv\"",
                "kubectl -n streamvane logs job/sv-streamvane-migrate",
                "ingress: Deployment sv-streamvane-ingress, 2 replica(s)");
        String production = Chart.installDryRun(Map.of(), Chart.PRODUCTION_VALUES);
        assertThat(production).contains("system:serviceaccount:streamvane:sv-streamvane", "HPA 3-10 replicas");
        assertThat(production).doesNotContain("WARNING");
    }

    @Test
    void existingSecretIsReferencedAndNoSecretIsRendered() {
        Manifests m = Chart.render(Map.of("secrets.existingSecret", "streamvane-db"));
        assertThat(m.ofKind("Secret")).isEmpty();
        for (Map<String, Object> d : m.ofKind("Deployment")) {
            assertThat((Object) at(container(d), "envFrom.0.secretRef.name")).isEqualTo("streamvane-db");
        }
    }

    @Test
    void noSecretValueInAnyConfigMapOrPodSpecWhateverTheSource() {
        String password = "hunter2-do-not-leak";
        for (Map<String, Object> sets : List.of(
                Map.<String, Object>of("database.password", password),
                Map.<String, Object>of("secrets.env.STREAMVANE_GENESYS_CLIENT_SECRET", password),
                Map.<String, Object>of("secrets.existingSecret", "x", "database.password", password))) {
            Manifests m = Chart.render(sets);
            assertThat(m.text).as("%s", sets).doesNotContain(password);
            String encoded = java.util.Base64.getEncoder().encodeToString(password.getBytes());
            for (Map<String, Object> doc : m.docs) {
                if (!"Secret".equals(doc.get("kind"))) {
                    assertThat(new org.yaml.snakeyaml.Yaml().dump(doc)).as("%s", sets).doesNotContain(encoded);
                }
            }
        }
    }

    @Test
    void withoutTheMigrationJobEachServiceMigratesItself() {
        Manifests m = Chart.render(Map.of("migration.enabled", false));
        assertThat(m.ofKind("Job")).isEmpty();
        for (String service : SERVICES) {
            Map<String, Object> config = applicationYaml(m.named("ConfigMap", "sv-streamvane-" + service + "-config"));
            assertThat((Object) at(config, "spring.flyway.enabled")).isEqualTo(true);
        }
    }

    @Test
    void aDisabledServiceRendersNothing() {
        Manifests m = Chart.render(Map.of("services.scheduler.enabled", false));
        assertThat(m.names()).noneMatch(n -> n.contains("scheduler"));
        assertThat(m.ofKind("Deployment")).hasSize(3);
    }

    @Test
    void perServiceConfigOverridesGlobalConfigWhichOverridesDerivedConfig() {
        Manifests m = Chart.render(Map.of(
                "global.config.streamvane.sample", "global",
                "services.egress.config.streamvane.sample", "egress",
                "global.config.spring.lifecycle.timeout-per-shutdown-phase", "45s"));
        assertThat((Object) at(applicationYaml(m.named("ConfigMap", "sv-streamvane-egress-config")), "streamvane.sample"))
                .isEqualTo("egress");
        Map<String, Object> ingress = applicationYaml(m.named("ConfigMap", "sv-streamvane-ingress-config"));
        assertThat((Object) at(ingress, "streamvane.sample")).isEqualTo("global");
        assertThat((Object) at(ingress, "spring.lifecycle.timeout-per-shutdown-phase")).isEqualTo("45s");
    }

    @ParameterizedTest
    @org.junit.jupiter.params.provider.CsvSource({"30m, 1800000", "90s, 90000", "1h, 3600000", "500ms, 500",
            "250000, 250000"})
    void hikariMaxLifetimeIsRenderedInTheMillisecondsItBinds(String given, long millis) {
        Manifests m = Chart.render(Map.of("database.maxLifetime", given));
        assertThat(((Number) at(applicationYaml(m.named("ConfigMap", "sv-streamvane-engine-config")),
                "spring.datasource.hikari.max-lifetime")).longValue()).isEqualTo(millis);
    }

    @Test
    void aMaxLifetimeWithoutAUnitHikariKnowsIsRefused() {
        assertThatThrownBy(() -> Chart.render(Map.of("database.maxLifetime", "2d")))
                .hasMessageContaining("database.maxLifetime");
    }

    @Test
    void theServiceMonitorSendsTheKeyOfTheNamedSecretAsABearerToken() {
        Manifests m = Chart.render(Map.of("serviceMonitor.enabled", true,
                "serviceMonitor.authorization.secretName", "prometheus-scrape",
                "serviceMonitor.authorization.secretKey", "token"));
        List<Map<String, Object>> endpoints = at(m.named("ServiceMonitor", "sv-streamvane"), "spec.endpoints");
        assertThat(endpoints).singleElement().satisfies(e -> {
            assertThat((Object) at(e, "authorization.type")).isEqualTo("Bearer");
            assertThat((Object) at(e, "authorization.credentials.name")).isEqualTo("prometheus-scrape");
            assertThat((Object) at(e, "authorization.credentials.key")).isEqualTo("token");
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {"serviceMonitor.authorization.secretName", "serviceMonitor.authorization.secretKey"})
    void aServiceMonitorWithoutACredentialIsRefused(String missing) {
        Map<String, Object> sets = new java.util.HashMap<>(Map.of("serviceMonitor.enabled", true,
                "serviceMonitor.authorization.secretName", "prometheus-scrape"));
        sets.put(missing, "");
        assertThatThrownBy(() -> Chart.render(sets))
                .hasMessageContaining("serviceMonitor.enabled needs serviceMonitor.authorization.secretName and .secretKey")
                .hasMessageContaining("401");
    }

    @Test
    void keyVaultWithoutWorkloadIdentityIsRefused() {
        assertThatThrownBy(() -> Chart.render(Map.of("secrets.keyVault.enabled", true, "secrets.keyVault.name", "kv")))
                .hasMessageContaining("workloadIdentity");
    }
}
