package io.streamvane.standalone;

import static org.assertj.core.api.Assertions.assertThat;

import com.azure.spring.cloud.autoconfigure.implementation.context.AzureGlobalPropertiesAutoConfiguration;
import com.azure.spring.cloud.autoconfigure.implementation.jdbc.AzureJdbcAutoConfiguration;
import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.annotation.ImportCandidates;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.io.ClassPathResource;

/**
 * The application.yml the Helm chart renders for passwordless PostgreSQL switches Spring Cloud Azure's JDBC
 * token plugin on, and nothing else does. Only the datasource auto-configurations run and no connection is
 * opened, so no Azure and no database are needed: the proof is the JDBC URL the pool would connect with.
 */
class PasswordlessDatasourceTest {

    static final String PLUGIN =
            "authenticationPluginClassName=com.azure.identity.extensions.jdbc.postgresql.AzurePostgresqlAuthenticationPlugin";
    static final String CHART_URL =
            "jdbc:postgresql://streamvane-pg.postgres.database.azure.com:5432/streamvane?sslmode=require";

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withInitializer(PasswordlessDatasourceTest::chartApplicationYaml)
            .withConfiguration(AutoConfigurations.of(AzureGlobalPropertiesAutoConfiguration.class,
                    DataSourceAutoConfiguration.class, AzureJdbcAutoConfiguration.class));

    @Test
    void theAppAutoConfiguresTheAzureJdbcSupport() {
        assertThat(ImportCandidates.load(AutoConfiguration.class, getClass().getClassLoader()).getCandidates())
                .contains(AzureJdbcAutoConfiguration.class.getName());
    }

    @Test
    void chartConfigAddsTheEntraTokenPluginToTheUrl() {
        runner.run(context -> {
            assertThat(context).hasNotFailed();
            String url = context.getBean(DataSourceProperties.class).getUrl();
            assertThat(url).startsWith(CHART_URL).contains(PLUGIN);
            assertThat(url.split("sslmode=", -1)).as("sslmode once: %s", url).hasSize(2);
            HikariDataSource pool = context.getBean(HikariDataSource.class);
            assertThat(pool.getJdbcUrl()).isEqualTo(url);
            assertThat(pool.getUsername()).isEqualTo("streamvane-identity");
            assertThat(pool.getPassword()).isNull();
            assertThat(pool.isRunning()).as("no connection was opened").isFalse();
        });
    }

    @Test
    void inertWithoutThePasswordlessSwitch() {
        runner.withPropertyValues("spring.datasource.azure.passwordless-enabled=false").run(context ->
                assertThat(context.getBean(DataSourceProperties.class).getUrl()).isEqualTo(CHART_URL));
    }

    @Test
    void aPasswordSwitchesThePluginOff() {
        // Why the chart refuses a database password together with database.passwordless.
        runner.withPropertyValues("spring.datasource.password=x").run(context ->
                assertThat(context.getBean(DataSourceProperties.class).getUrl()).isEqualTo(CHART_URL));
    }

    /** Added last, so a test's own properties win over the chart's file. */
    private static void chartApplicationYaml(ConfigurableApplicationContext context) {
        try {
            new YamlPropertySourceLoader().load("chart", new ClassPathResource("passwordless/application.yml"))
                    .forEach(source -> context.getEnvironment().getPropertySources().addLast(source));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
