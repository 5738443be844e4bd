package io.streamvane.deploy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;

/** Rendered Kubernetes manifests, parsed, with small navigation helpers. */
final class Manifests {

    final String text;
    final List<Map<String, Object>> docs;

    @SuppressWarnings("unchecked")
    Manifests(String text) {
        this.text = text;
        List<Map<String, Object>> parsed = new ArrayList<>();
        for (Object doc : new Yaml(new LoaderOptions()).loadAll(text)) {
            if (doc instanceof Map<?, ?> map) {
                parsed.add((Map<String, Object>) map);
            }
        }
        this.docs = Collections.unmodifiableList(parsed);
    }

    List<Map<String, Object>> ofKind(String kind) {
        return docs.stream().filter(d -> kind.equals(d.get("kind"))).collect(Collectors.toList());
    }

    Map<String, Object> named(String kind, String name) {
        return ofKind(kind).stream()
                .filter(d -> name.equals(at(d, "metadata.name")))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no " + kind + " named " + name + " in " + names()));
    }

    List<String> names() {
        return docs.stream().map(d -> d.get("kind") + "/" + at(d, "metadata.name")).collect(Collectors.toList());
    }

    /** Dotted path through maps; a numeric segment indexes a list. Null when absent. */
    @SuppressWarnings("unchecked")
    static <T> T at(Object node, String path) {
        Object current = node;
        for (String segment : path.split("\\.")) {
            if (current == null) {
                return null;
            }
            if (current instanceof List<?> list && segment.chars().allMatch(Character::isDigit)) {
                int index = Integer.parseInt(segment);
                current = index < list.size() ? list.get(index) : null;
            } else if (current instanceof Map<?, ?> map) {
                current = map.get(segment);
            } else {
                return null;
            }
        }
        return (T) current;
    }

    /** A key containing dots (annotations, labels) inside the map found at path. */
    static Object key(Object node, String path, String key) {
        Map<?, ?> map = at(node, path);
        return map == null ? null : map.get(key);
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> container(Map<String, Object> workload) {
        List<Map<String, Object>> containers = at(workload, "spec.template.spec.containers");
        Objects.requireNonNull(containers, "no containers");
        return containers.get(0);
    }

    static String envValue(Map<String, Object> container, String name) {
        List<Map<String, Object>> env = at(container, "env");
        if (env == null) {
            return null;
        }
        return env.stream().filter(e -> name.equals(e.get("name")))
                .map(e -> Objects.toString(e.get("value"), null)).findFirst().orElse(null);
    }

    /** The application.yml inside a ConfigMap, parsed. */
    @SuppressWarnings("unchecked")
    static Map<String, Object> applicationYaml(Map<String, Object> configMap) {
        String yaml = (String) key(configMap, "data", "application.yml");
        Objects.requireNonNull(yaml, "no application.yml in ConfigMap");
        return new Yaml(new LoaderOptions()).load(yaml);
    }
}
