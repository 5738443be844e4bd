package io.streamvane.platform.settings;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.springframework.boot.configurationmetadata.ConfigurationMetadataRepository;
import org.springframework.boot.configurationmetadata.ConfigurationMetadataRepositoryJsonBuilder;
import org.springframework.boot.context.properties.source.ConfigurationPropertyName;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.util.ClassUtils;

/**
 * The {@code streamvane.*} settings the modules on the class path declare, read from the
 * {@code META-INF/spring-configuration-metadata.json} the configuration processor writes into every module (from
 * its {@code @ConfigurationProperties} records, plus {@code additional-spring-configuration-metadata.json} for the
 * few keys only a condition or an environment post-processor reads).
 *
 * @param properties every declared key (a map- or list-typed one names only the map or list)
 * @param groups     every settings class (and nested record) with its prefix; the check binds them to see which
 *                   keys below a map or list they take
 */
record DeclaredSettings(Set<ConfigurationPropertyName> properties, List<Group> groups) {

    static final String METADATA = "classpath*:/META-INF/spring-configuration-metadata.json";

    static final ConfigurationPropertyName ROOT = ConfigurationPropertyName.of("streamvane");

    /**
     * One settings class bound at {@code name}; {@code type} is null where the class cannot be loaded (then nothing
     * below {@code name} can be judged, and every key there is accepted).
     */
    record Group(ConfigurationPropertyName name, Class<?> type) {

        boolean covers(ConfigurationPropertyName key) {
            return name.equals(key) || name.isAncestorOf(key);
        }
    }

    static DeclaredSettings load(ClassLoader classLoader) {
        ConfigurationMetadataRepositoryJsonBuilder builder = ConfigurationMetadataRepositoryJsonBuilder.create();
        try {
            for (Resource resource : new PathMatchingResourcePatternResolver(classLoader).getResources(METADATA)) {
                byte[] json = resource.getContentAsByteArray();
                // Most jars on the class path are Spring's and Azure's; parse only the files that declare ours.
                if (new String(json, StandardCharsets.UTF_8).contains("\"streamvane.")) {
                    builder.withJsonResource(new ByteArrayInputStream(json), StandardCharsets.UTF_8);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not read " + METADATA, e);
        }
        ConfigurationMetadataRepository repository = builder.build();
        Set<ConfigurationPropertyName> properties = new HashSet<>();
        repository.getAllProperties().keySet().stream().map(DeclaredSettings::streamvaneName)
                .filter(n -> n != null).forEach(properties::add);
        List<Group> groups = new ArrayList<>();
        repository.getAllGroups().forEach((id, group) -> {
            ConfigurationPropertyName name = streamvaneName(id);
            if (name != null) {
                group.getSources().values().forEach(source ->
                        groups.add(new Group(name, load(source.getType(), classLoader))));
            }
        });
        return new DeclaredSettings(Set.copyOf(properties), List.copyOf(groups));
    }

    /** {@code streamvane.<namespace>}, the part of a key that tells which service owns it. */
    static ConfigurationPropertyName namespace(ConfigurationPropertyName key) {
        return key.getNumberOfElements() <= 2 ? key : key.chop(2);
    }

    /** Whether any setting of this class path lies in {@code namespace}. */
    boolean declaresAnythingIn(ConfigurationPropertyName namespace) {
        return properties.stream().anyMatch(p -> namespace.equals(p) || namespace.isAncestorOf(p))
                || groups.stream().anyMatch(g -> namespace.equals(g.name()) || namespace.isAncestorOf(g.name()));
    }

    private static ConfigurationPropertyName streamvaneName(String id) {
        if (id == null || !ConfigurationPropertyName.isValid(id)) {
            return null;
        }
        ConfigurationPropertyName name = ConfigurationPropertyName.of(id);
        return ROOT.isAncestorOf(name) ? name : null;
    }

    private static Class<?> load(String type, ClassLoader classLoader) {
        try {
            return type == null ? null : ClassUtils.forName(type, classLoader);
        } catch (ClassNotFoundException | LinkageError e) {
            return null;
        }
    }
}
