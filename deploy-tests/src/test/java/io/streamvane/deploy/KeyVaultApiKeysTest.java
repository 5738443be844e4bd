package io.streamvane.deploy;

import static io.streamvane.deploy.Manifests.applicationYaml;
import static io.streamvane.deploy.Manifests.at;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.streamvane.platform.security.ApiKeyStore;
import io.streamvane.platform.security.Scope;
import io.streamvane.platform.security.SecurityProperties;
import io.streamvane.platform.settings.SettingsCheckAutoConfiguration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.Banner;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;

/**
 * The API keys of the production example come from Key Vault: each secret the SecretProviderClass names is mounted
 * as a file named after its alias, and the services import the folder with {@code configtree:}. A service started on
 * exactly that folder must bind {@code streamvane.security.api-keys} and accept the scrape key.
 */
class KeyVaultApiKeysTest {

    /** The plain key the ServiceMonitor's Secret holds; Key Vault holds only its hash. */
    static final String METRICS_KEY = "sv-" + UUID.randomUUID();

    @Test
    void aServiceStartsOnTheProductionKeyVaultSecretsAndAcceptsTheScrapeKey(@TempDir Path dir) throws IOException {
        Path mount = dir.resolve("mnt/secrets");
        Manifests m = Chart.render(Map.of("migration.hook", false, "secrets.keyVault.mountPath", mount.toString()),
                Chart.PRODUCTION_VALUES);
        Map<String, String> files = new LinkedHashMap<>();
        for (String alias : objectAliases(m)) {
            files.put(alias, storedValue(alias));
        }
        mountAsTheCsiDriverDoes(mount, files);
        String configImport = at(applicationYaml(m.named("ConfigMap", "sv-streamvane-egress-config")),
                "spring.config.import");
        assertThat(configImport).isEqualTo("optional:configtree:" + mount + "/");

        try (ConfigurableApplicationContext service = new SpringApplicationBuilder(ApiKeysOnly.class)
                .web(WebApplicationType.NONE).bannerMode(Banner.Mode.OFF)
                .run("--spring.config.import=" + configImport)) {
            assertThat(service.getBean(ApiKeyStore.class).authenticate(METRICS_KEY)).hasValueSatisfying(p -> {
                assertThat(p.name()).isEqualTo("metrics");
                assertThat(p.scopes()).containsExactly(Scope.READ);
            });
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"streamvane.security.api-keys", "streamvane.security.api-keys[0]"})
    void aKeyVaultSecretForAWholeApiKeyIsRefused(String property) {
        assertThatThrownBy(() -> Chart.render(Map.of("secrets.keyVault.objects[0].objectName", "streamvane-api-keys",
                "secrets.keyVault.objects[0].property", property), Chart.PRODUCTION_VALUES))
                .hasMessageContaining("streamvane-api-keys is one string")
                .hasMessageContaining("streamvane.security.api-keys[0].key-hash");
    }

    /** The minimal service: the security settings, checked and bound as every service binds them. */
    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(SecurityProperties.class)
    @Import(SettingsCheckAutoConfiguration.class)
    static class ApiKeysOnly {

        @Bean
        ApiKeyStore apiKeyStore(SecurityProperties properties) {
            return new ApiKeyStore(properties.apiKeys());
        }
    }

    /** The file names the Secrets Store CSI driver writes: each object's alias. */
    @SuppressWarnings("unchecked")
    private static List<String> objectAliases(Manifests m) {
        String objects = at(m.named("SecretProviderClass", "sv-streamvane"), "spec.parameters.objects");
        Yaml yaml = new Yaml(new LoaderOptions());
        List<String> array = (List<String>) ((Map<String, Object>) yaml.load(objects)).get("array");
        return array.stream().map(o -> (String) ((Map<String, Object>) yaml.load(o)).get("objectAlias")).toList();
    }

    /** What the operator stores in each secret, by the property it becomes, as docs/deploy.md says. */
    private static String storedValue(String property) {
        if (property.endsWith(".key-hash")) {
            return ApiKeyStore.hash(METRICS_KEY);
        }
        if (property.endsWith(".name")) {
            return "metrics";
        }
        if (property.endsWith(".scopes")) {
            return "read";
        }
        return "some-secret-value";
    }

    /**
     * Kubernetes' atomic writer layout, which the CSI driver uses: the files in a timestamped directory, {@code ..data}
     * linking to it, and one link per file at the top ({@code configtree:} skips the {@code ..} entries).
     */
    private static void mountAsTheCsiDriverDoes(Path mount, Map<String, String> files) throws IOException {
        Path version = Files.createDirectories(mount.resolve("..2026_01_01_00_00_00.000000001"));
        for (Map.Entry<String, String> file : files.entrySet()) {
            Files.writeString(version.resolve(file.getKey()), file.getValue());
        }
        Files.createSymbolicLink(mount.resolve("..data"), version.getFileName());
        for (String name : files.keySet()) {
            Files.createSymbolicLink(mount.resolve(name), Path.of("..data", name));
        }
    }
}
