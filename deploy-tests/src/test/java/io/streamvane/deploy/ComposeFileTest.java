package io.streamvane.deploy;

import static io.streamvane.deploy.Manifests.at;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;

/** docker-compose.yml cannot be started here (no Docker): check what can be checked without it. */
class ComposeFileTest {

    static final List<String> APPS = List.of("ingress", "engine", "scheduler", "egress");
    static final Pattern INTERPOLATION = Pattern.compile("(?<!\\$)\\$\\{([A-Za-z_][A-Za-z0-9_]*)([^}]*)}");

    static String text;
    static Map<String, Object> compose;
    static Map<String, Map<String, Object>> services;

    @BeforeAll
    @SuppressWarnings("unchecked")
    static void load() throws IOException {
        text = Files.readString(Repo.resolve("docker-compose.yml"));
        compose = new Yaml(new LoaderOptions()).load(text);
        services = (Map<String, Map<String, Object>>) compose.get("services");
    }

    /** Compose's ${VAR:-default} substitution with an empty environment. */
    static String substitute(String value) {
        Matcher m = INTERPOLATION.matcher(value);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String modifier = m.group(2);
            String replacement = modifier.startsWith(":-") ? modifier.substring(2) : "";
            m.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        m.appendTail(out);
        return out.toString();
    }

    static Map<String, Object> env(String service) {
        return at(services.get(service), "environment");
    }

    @Test
    void declaresTheInfrastructureAndTheFourServices() {
        assertThat(services.keySet()).contains("postgres", "rabbitmq", "servicebus-emulator", "sqlserver")
                .containsAll(APPS);
    }

    @Test
    void everyVariableButTheSecretsHasADefaultAndNoSecretHasOne() {
        Matcher m = INTERPOLATION.matcher(text);
        List<String> withoutDefault = new ArrayList<>();
        Set<String> required = new HashSet<>();
        while (m.find()) {
            boolean secret = m.group(1).contains("PASSWORD");
            if (secret) {
                // A password in a public file is everyone's password: compose must refuse to start without one.
                assertThat(m.group(2)).as(m.group()).startsWith(":?");
                required.add(m.group(1));
            } else if (!m.group(2).startsWith(":-")) {
                withoutDefault.add(m.group());
            }
        }
        assertThat(withoutDefault).isEmpty();
        assertThat(required).containsExactlyInAnyOrder("POSTGRES_PASSWORD", "RABBITMQ_PASSWORD",
                "SERVICEBUS_SQL_PASSWORD");
    }

    @Test
    void theGeneratorWritesEverySecretOnceWithFreshRandomValues() throws Exception {
        Path dir = Files.createTempDirectory("compose-env");
        Map<String, String> first = generate(dir.resolve("a.env"));
        Map<String, String> second = generate(dir.resolve("b.env"));
        assertThat(first.keySet()).containsExactlyInAnyOrder("POSTGRES_PASSWORD", "RABBITMQ_PASSWORD",
                "SERVICEBUS_SQL_PASSWORD");
        first.forEach((k, v) -> {
            assertThat(v).as(k).hasSizeGreaterThanOrEqualTo(24).isNotEqualTo(second.get(k));
        });
        // SQL Server's password policy: upper, lower, digit and symbol.
        assertThat(first.get("SERVICEBUS_SQL_PASSWORD")).containsPattern("[A-Z]").containsPattern("[a-z]")
                .containsPattern("[0-9]").containsPattern("[^A-Za-z0-9]");
        String before = Files.readString(dir.resolve("a.env"));
        generate(dir.resolve("a.env"));
        assertThat(Files.readString(dir.resolve("a.env"))).as("an existing .env is kept").isEqualTo(before);
    }

    private static Map<String, String> generate(Path target) throws Exception {
        Process p = new ProcessBuilder("bash", Repo.resolve("deploy/compose-env.sh").toString(), target.toString())
                .redirectErrorStream(true).start();
        p.getInputStream().readAllBytes();
        assertThat(p.waitFor()).isZero();
        Map<String, String> vars = new HashMap<>();
        for (String line : Files.readAllLines(target)) {
            int eq = line.indexOf('=');
            vars.put(line.substring(0, eq), line.substring(eq + 1));
        }
        return vars;
    }

    @Test
    @SuppressWarnings("unchecked")
    void everyPublishedPortListensOnLoopbackOnly() {
        for (Map.Entry<String, Map<String, Object>> e : services.entrySet()) {
            List<String> ports = (List<String>) e.getValue().get("ports");
            if (ports != null) {
                for (String port : ports) {
                    assertThat(substitute(port)).as(e.getKey()).startsWith("127.0.0.1:");
                }
            }
        }
    }

    @Test
    void everyImageIsPinnedOrBuiltByThisRepository() {
        for (Map.Entry<String, Map<String, Object>> e : services.entrySet()) {
            String image = substitute((String) e.getValue().get("image"));
            assertThat(image).as(e.getKey()).contains(":").doesNotEndWith(":");
            if (image.startsWith("streamvane/")) {
                String module = image.substring("streamvane/".length(), image.indexOf(':'));
                // The images profile (Jib) builds a module that has an application.yml.
                assertThat(Repo.resolve(module + "/src/main/resources/application.yml")).as(e.getKey()).exists();
                assertThat(Repo.resolve(module + "/pom.xml")).exists();
            }
        }
        assertThat(substitute((String) services.get("servicebus-emulator").get("image")))
                .startsWith("mcr.microsoft.com/azure-messaging/servicebus-emulator:");
        assertThat(substitute((String) services.get("rabbitmq").get("image"))).contains("management");
    }

    @Test
    void everyMountedFileExists() {
        for (Map.Entry<String, Map<String, Object>> e : services.entrySet()) {
            List<String> volumes = at(e.getValue(), "volumes");
            if (volumes == null) {
                continue;
            }
            for (String volume : volumes) {
                String source = volume.split(":")[0];
                if (source.startsWith(".")) {
                    assertThat(Repo.resolve(source)).as(e.getKey() + " " + volume).exists();
                } else {
                    assertThat(((Map<?, ?>) compose.get("volumes")).containsKey(source)).as(volume).isTrue();
                }
            }
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void serviceBusEmulatorDeclaresTheQueueWithDeadLetteringAndMaxDeliveryCount() throws IOException {
        Map<String, Object> config = new Yaml(new LoaderOptions())
                .load(Files.readString(Repo.resolve("deploy/compose/servicebus/Config.json")));
        Map<String, Object> namespace = at(config, "UserConfig.Namespaces.0");
        assertThat(namespace.get("Name")).isEqualTo("sbemulatorns");
        Map<String, Object> queue = at(namespace, "Queues.0");
        assertThat(queue.get("Name")).isEqualTo(env("ingress").get("SPRING_CLOUD_AZURE_SERVICEBUS_PROCESSOR_ENTITY_NAME"));
        assertThat((Object) at(queue, "Properties.MaxDeliveryCount")).isEqualTo(10);
        assertThat((Object) at(queue, "Properties.DeadLetteringOnMessageExpiration")).isEqualTo(true);
        assertThat((Object) at(queue, "Properties.RequiresSession")).isEqualTo(true);
        assertThat((Object) at(queue, "Properties.RequiresDuplicateDetection")).isEqualTo(true);

        Map<String, Object> emulator = services.get("servicebus-emulator");
        assertThat((List<String>) emulator.get("volumes"))
                .anyMatch(v -> v.endsWith(":/ServiceBus_Emulator/ConfigFiles/Config.json:ro"));
        assertThat(substitute((String) at(emulator, "environment.MSSQL_SA_PASSWORD")))
                .isEqualTo(substitute((String) at(services.get("sqlserver"), "environment.MSSQL_SA_PASSWORD")));
        assertThat((Object) at(emulator, "environment.SQL_SERVER")).isEqualTo("sqlserver");
        assertThat((String) env("ingress").get("SPRING_CLOUD_AZURE_SERVICEBUS_CONNECTION_STRING"))
                .startsWith("Endpoint=sb://servicebus-emulator;").contains("UseDevelopmentEmulator=true");
    }

    @Test
    void servicesAreWiredToTheDatabaseAndOnlyOneMigrates() {
        int migrating = 0;
        for (String app : APPS) {
            Map<String, Object> env = env(app);
            assertThat(substitute((String) env.get("SPRING_DATASOURCE_URL")))
                    .isEqualTo("jdbc:postgresql://postgres:5432/streamvane");
            assertThat(substitute((String) env.get("SPRING_DATASOURCE_PASSWORD")))
                    .isEqualTo(substitute((String) at(services.get("postgres"), "environment.POSTGRES_PASSWORD")));
            assertThat(env.get("SERVER_SHUTDOWN")).isEqualTo("graceful");
            if ("true".equals(env.get("SPRING_FLYWAY_ENABLED"))) {
                migrating++;
            }
        }
        assertThat(migrating).isEqualTo(1);
        assertThat(env("egress").get("SPRING_RABBITMQ_HOST")).isEqualTo("rabbitmq");
    }

    @Test
    @SuppressWarnings("unchecked")
    void appPortsAndHealthChecksMatchTheManagementPort() {
        Set<String> hostPorts = new HashSet<>();
        for (Map.Entry<String, Map<String, Object>> e : services.entrySet()) {
            List<String> ports = (List<String>) e.getValue().get("ports");
            if (ports != null) {
                for (String port : ports) {
                    String[] parts = substitute(port).split(":");
                    String host = parts[parts.length - 2];
                    assertThat(hostPorts.add(host)).as("host port %s used twice", host).isTrue();
                }
            }
        }
        for (String app : APPS) {
            Map<String, Object> service = services.get(app);
            Map<String, Object> env = env(app);
            String managementPort = (String) env.get("MANAGEMENT_SERVER_PORT");
            List<String> test = at(service, "healthcheck.test");
            assertThat(String.join(" ", test)).as(app)
                    .contains("/dev/tcp/127.0.0.1/" + managementPort, "/actuator/health/readiness");
            assertThat((Object) at(service, "healthcheck.interval")).isNotNull();
            assertThat((Object) at(service, "healthcheck.start_period")).isNotNull();
            List<String> ports = (List<String>) service.get("ports");
            if (ports != null) {
                for (String port : ports) {
                    String[] parts = substitute(port).split(":");
                    assertThat(parts[parts.length - 1]).isEqualTo(env.get("SERVER_PORT"));
                }
            }
        }
        assertThat((List<String>) services.get("ingress").get("ports")).isNotEmpty();
        assertThat((List<String>) services.get("egress").get("ports")).isNotEmpty();
    }

    @Test
    @SuppressWarnings("unchecked")
    void dependenciesExistAndHealthConditionsHaveAHealthCheck() {
        for (Map.Entry<String, Map<String, Object>> e : services.entrySet()) {
            Object dependsOn = e.getValue().get("depends_on");
            if (dependsOn instanceof List<?> list) {
                assertThat(services.keySet()).as(e.getKey()).containsAll((List<String>) list);
            } else if (dependsOn instanceof Map<?, ?> map) {
                for (Map.Entry<String, Object> d : ((Map<String, Object>) map).entrySet()) {
                    assertThat(services).as(e.getKey()).containsKey(d.getKey());
                    if ("service_healthy".equals(at(d.getValue(), "condition"))) {
                        assertThat(services.get(d.getKey())).as(d.getKey() + " has a healthcheck").containsKey("healthcheck");
                    }
                }
            }
        }
    }
}
