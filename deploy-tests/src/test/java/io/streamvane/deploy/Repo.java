package io.streamvane.deploy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;

/** Locates files of the repository under test (the module runs with the reactor root as a system property). */
final class Repo {

    private Repo() {
    }

    static Path root() {
        String configured = System.getProperty("streamvane.root");
        Path root = configured != null ? Paths.get(configured) : Paths.get("..");
        root = root.toAbsolutePath().normalize();
        if (!Files.isRegularFile(root.resolve("pom.xml")) || !Files.isDirectory(root.resolve("deploy"))) {
            throw new IllegalStateException("Not the repository root: " + root);
        }
        return root;
    }

    static Path chart() {
        return root().resolve("deploy/helm/streamvane");
    }

    static Path resolve(String relative) {
        return root().resolve(relative);
    }
}
