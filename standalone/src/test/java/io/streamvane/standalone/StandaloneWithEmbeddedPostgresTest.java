package io.streamvane.standalone;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.client.RestClient;

/** With no datasource configured, the single-process app brings its own PostgreSQL and is healthy. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class StandaloneWithEmbeddedPostgresTest {

    @Value("${local.server.port}")
    int port;

    @Autowired
    Environment environment;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void startsAnEmbeddedPostgresWhenNoDatasourceIsConfigured() {
        assertThat(environment.getProperty("spring.datasource.url"))
                .startsWith("jdbc:postgresql://localhost:")
                .isNotEqualTo("jdbc:postgresql://localhost:5432/postgres");
        assertThat(jdbc.queryForObject("select current_setting('server_version_num')::int", Integer.class))
                .isGreaterThanOrEqualTo(170000);
    }

    @Test
    void reportsHealthUp() {
        String health = RestClient.create("http://localhost:" + port)
                .get().uri("/actuator/health").retrieve().body(String.class);
        assertThat(health).contains("\"status\":\"UP\"");
    }

    @Test
    void appliesTheMetricsStoreSchemaOnce() {
        Integer failed = jdbc.queryForObject(
                "select count(*) from flyway_schema_history where not success", Integer.class);
        assertThat(failed).isZero();
    }
}
