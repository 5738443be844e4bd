package io.streamvane.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import com.marcnuri.helm.DryRun;
import com.marcnuri.helm.Helm;
import com.marcnuri.helm.InstallCommand;
import com.marcnuri.helm.LintResult;
import com.marcnuri.helm.TemplateCommand;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;

/** Renders and lints deploy/helm/streamvane with helm-java (Helm's own engine, no helm binary needed). */
final class Chart {

    static final String RELEASE = "sv";
    static final String NAMESPACE = "streamvane";
    static final Path PRODUCTION_VALUES = Repo.chart().resolve("values-production.yaml");

    private Chart() {
    }

    static Manifests render(Map<String, Object> sets, Path... valuesFiles) {
        TemplateCommand command = new Helm(Repo.chart()).template().withName(RELEASE).withNamespace(NAMESPACE);
        for (Path values : valuesFiles) {
            command = command.withValuesFile(values);
        }
        for (Map.Entry<String, Object> set : sets.entrySet()) {
            command = command.set(set.getKey(), set.getValue());
        }
        return new Manifests(command.call());
    }

    /** `helm install --dry-run=client` output: the release summary and the rendered NOTES.txt. */
    static String installDryRun(Map<String, Object> sets, Path... valuesFiles) {
        InstallCommand command = new Helm(Repo.chart()).install().withName(RELEASE).withNamespace(NAMESPACE)
                .dryRun().withDryRunOption(DryRun.CLIENT).clientOnly();
        for (Path values : valuesFiles) {
            command = command.withValuesFile(values);
        }
        for (Map.Entry<String, Object> set : sets.entrySet()) {
            command = command.set(set.getKey(), set.getValue());
        }
        return command.call().getOutput();
    }

    /** Keeps a rendering under target/ for people to read (the production manifests go into the docs). */
    static void writeReport(String name, String text) {
        try {
            Path dir = Repo.resolve("deploy-tests/target/rendered");
            Files.createDirectories(dir);
            Files.writeString(dir.resolve(name), text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Manifests render(Path... valuesFiles) {
        return render(Map.of(), valuesFiles);
    }

    static LintResult lint() {
        return new Helm(Repo.chart()).lint().strict().call();
    }

    /**
     * helm-java's lint takes no values file, so lint a copy of the chart whose values.yaml is the defaults
     * deep-merged with the given file (what `helm lint -f file` would check).
     */
    static LintResult lintWith(Path valuesFile) {
        Path copy = null;
        try {
            copy = Files.createTempDirectory("streamvane-chart");
            Path target = copy.resolve("streamvane");
            copyTree(Repo.chart(), target);
            Yaml yaml = new Yaml(new LoaderOptions());
            Map<String, Object> defaults = yaml.load(Files.readString(Repo.chart().resolve("values.yaml")));
            Map<String, Object> overrides = yaml.load(Files.readString(valuesFile));
            Map<String, Object> merged = deepMerge(defaults, overrides);
            DumperOptions options = new DumperOptions();
            options.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
            Files.writeString(target.resolve("values.yaml"), new Yaml(options).dump(merged));
            return new Helm(target).lint().strict().call();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            if (copy != null) {
                deleteTree(copy);
            }
        }
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> deepMerge(Map<String, Object> base, Map<String, Object> overrides) {
        Map<String, Object> result = new LinkedHashMap<>(base);
        overrides.forEach((key, value) -> {
            Object existing = result.get(key);
            if (existing instanceof Map<?, ?> a && value instanceof Map<?, ?> b) {
                result.put(key, deepMerge((Map<String, Object>) a, (Map<String, Object>) b));
            } else {
                result.put(key, value);
            }
        });
        return result;
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> paths = Files.walk(from)) {
            for (Path source : (Iterable<Path>) paths::iterator) {
                Path target = to.resolve(from.relativize(source).toString());
                if (Files.isDirectory(source)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(source, target);
                }
            }
        }
    }

    private static void deleteTree(Path root) {
        try (Stream<Path> paths = Files.walk(root)) {
            List<Path> all = paths.sorted(Comparator.reverseOrder()).toList();
            for (Path p : all) {
                Files.deleteIfExists(p);
            }
        } catch (IOException ignored) {
            // temp dir; best effort
        }
    }
}
