package io.streamvane.platform.settings;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.boot.context.properties.bind.AbstractBindHandler;
import org.springframework.boot.context.properties.bind.BindContext;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.BindHandler;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.bind.UnboundConfigurationPropertiesException;
import org.springframework.boot.context.properties.bind.handler.NoUnboundElementsBindHandler;
import org.springframework.boot.context.properties.source.ConfigurationProperty;
import org.springframework.boot.context.properties.source.ConfigurationPropertyName;
import org.springframework.boot.context.properties.source.ConfigurationPropertySource;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.context.properties.source.IterableConfigurationPropertySource;
import org.springframework.boot.context.properties.source.UnboundElementsSourceFilter;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * Finds the {@code streamvane.*} keys of an environment that no settings class of this process takes.
 *
 * <p>A key is known when a declared key has its name, or when binding a settings class whose prefix lies above it
 * consumes it: Spring Boot's own {@link NoUnboundElementsBindHandler} (what {@code ignoreUnknownFields = false} uses)
 * tells which keys below a prefix a class left unbound, and a key is unknown only if every class above it leaves it
 * unbound. So shared prefixes ({@code streamvane.ingress} and {@code streamvane.ingress.service-bus}), map keys
 * ({@code queues.<queueId>.sl-threshold}, still checked against the record the map holds) and list indices work as
 * the binder itself sees them.
 *
 * <p>Checked: every enumerable property source except the JVM's system properties and the OS environment, as Spring
 * Boot's {@link UnboundElementsSourceFilter} does (environment variables cannot be told apart from dashes and dots,
 * and both hold much that is not ours). A key in the namespace of a service this process does not contain (see
 * {@link #SERVICE_NAMESPACES}) is that service's to check: shared configuration (Helm's global config, Key Vault
 * secrets) reaches every service.
 */
public final class UnknownSettings {

    /**
     * Every top-level namespace of the product's settings, whichever module declares it; the standalone app, which
     * holds every module, checks that this list and the declared settings agree.
     */
    public static final List<String> SERVICE_NAMESPACES = List.of("streamvane.kpi", "streamvane.security",
            "streamvane.ingress", "streamvane.migration", "streamvane.engine", "streamvane.scheduler",
            "streamvane.egress", "streamvane.simulator", "streamvane.embedded-postgres");

    private static final Function<ConfigurationPropertySource, Boolean> CHECKED = new UnboundElementsSourceFilter();

    /** One unknown key and where it was set. */
    public record Unknown(String key, String origin, String suggestion) {

        @Override
        public String toString() {
            return key + (origin == null ? "" : " (" + origin + ")")
                    + (suggestion == null ? "" : ": did you mean " + suggestion + "?");
        }
    }

    private final DeclaredSettings declared;
    private final Binder binder;
    private final Map<DeclaredSettings.Group, Set<ConfigurationPropertyName>> unbound = new HashMap<>();

    private UnknownSettings(DeclaredSettings declared, ConfigurableEnvironment environment) {
        this.declared = declared;
        this.binder = Binder.get(environment);
    }

    /** The unknown keys of {@code environment}, by name; empty when every key is some settings class's. */
    public static List<Unknown> in(ConfigurableEnvironment environment, ClassLoader classLoader) {
        return new UnknownSettings(DeclaredSettings.load(classLoader), environment).find(environment);
    }

    /** The {@code streamvane.<namespace>} of every setting the modules on the class path declare. */
    public static Set<String> declaredNamespaces(ClassLoader classLoader) {
        DeclaredSettings declared = DeclaredSettings.load(classLoader);
        Set<String> namespaces = new TreeSet<>();
        declared.properties().forEach(p -> namespaces.add(DeclaredSettings.namespace(p).toString()));
        declared.groups().forEach(g -> namespaces.add(DeclaredSettings.namespace(g.name()).toString()));
        return namespaces;
    }

    /** Fails with every unknown key in the message. */
    public static void check(ConfigurableEnvironment environment, ClassLoader classLoader) {
        List<Unknown> unknown = in(environment, classLoader);
        if (!unknown.isEmpty()) {
            throw new UnknownSettingsException(unknown);
        }
    }

    private List<Unknown> find(ConfigurableEnvironment environment) {
        List<Unknown> found = new ArrayList<>();
        Set<ConfigurationPropertyName> seen = new HashSet<>();
        for (ConfigurationPropertySource source : ConfigurationPropertySources.get(environment)) {
            if (!(source instanceof IterableConfigurationPropertySource iterable) || !CHECKED.apply(source)) {
                continue;
            }
            iterable.filter(DeclaredSettings.ROOT::isAncestorOf).stream()
                    .filter(seen::add)
                    .filter(key -> !known(key))
                    .forEach(key -> found.add(new Unknown(key.toString(), origin(source, key), suggestion(key))));
        }
        found.sort(Comparator.comparing(Unknown::key));
        return found;
    }

    private boolean known(ConfigurationPropertyName key) {
        if (declared.properties().contains(key)) {
            return true;
        }
        ConfigurationPropertyName namespace = DeclaredSettings.namespace(key);
        if (!declared.declaresAnythingIn(namespace) && SERVICE_NAMESPACES.contains(namespace.toString())) {
            return true;
        }
        return declared.groups().stream().filter(g -> g.covers(key))
                .anyMatch(g -> g.type() == null || !unboundBelow(g).contains(key));
    }

    private Set<ConfigurationPropertyName> unboundBelow(DeclaredSettings.Group group) {
        return unbound.computeIfAbsent(group, g -> {
            Lenient lenient = new Lenient();
            NoUnboundElementsBindHandler noUnbound = new NoUnboundElementsBindHandler(lenient, CHECKED);
            lenient.checkOnRootFailure = noUnbound;
            try {
                binder.bind(g.name(), Bindable.of(g.type()), noUnbound);
                return Set.of();
            } catch (BindException e) {
                if (!(e.getCause() instanceof UnboundConfigurationPropertiesException u)) {
                    return Set.of();
                }
                return u.getUnboundProperties().stream().map(ConfigurationProperty::getName)
                        .filter(name -> !lenient.failedAtOrAbove(name)).collect(Collectors.toSet());
            }
        });
    }

    private static String origin(ConfigurationPropertySource source, ConfigurationPropertyName key) {
        ConfigurationProperty property = source.getConfigurationProperty(key);
        return property == null || property.getOrigin() == null ? null : property.getOrigin().toString();
    }

    /** The declared key nearest in spelling, where one is a few edits away. */
    private String suggestion(ConfigurationPropertyName key) {
        String typed = key.toString();
        String best = null;
        int bestDistance = 4;
        for (ConfigurationPropertyName p : declared.properties()) {
            int d = distance(typed, p.toString(), bestDistance);
            if (d < bestDistance) {
                best = p.toString();
                bestDistance = d;
            }
        }
        return best;
    }

    /** Levenshtein distance, or {@code limit} once it is at least that. */
    private static int distance(String a, String b, int limit) {
        if (Math.abs(a.length() - b.length()) >= limit) {
            return limit;
        }
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            int rowMin = current[0];
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                current[j] = Math.min(Math.min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
                rowMin = Math.min(rowMin, current[j]);
            }
            if (rowMin >= limit) {
                return limit;
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return Math.min(previous[b.length()], limit);
    }

    /**
     * Carries on past a value that does not convert or a constructor that refuses it, so the keys after it are
     * still seen; the failing key itself is known (the context's own binding reports why its value is wrong). When
     * the settings record itself refuses its values, the binder ends without the unbound check; it is run here
     * then, so the keys the record left unbound are still reported.
     */
    private static final class Lenient extends AbstractBindHandler {

        private final Set<ConfigurationPropertyName> failed = new HashSet<>();
        private BindHandler checkOnRootFailure;

        @Override
        public Object onFailure(ConfigurationPropertyName name, Bindable<?> target, BindContext context,
                Exception error) throws Exception {
            if (context.getDepth() == 0) {
                checkOnRootFailure.onFinish(name, target, context, null);
            } else {
                failed.add(name);
            }
            return null;
        }

        boolean failedAtOrAbove(ConfigurationPropertyName name) {
            return failed.stream().anyMatch(f -> f.equals(name) || f.isAncestorOf(name));
        }
    }
}
