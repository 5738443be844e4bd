package io.streamvane.egress;

import io.streamvane.egress.intervals.QueueIntervals;
import io.streamvane.model.kpi.KpiSettings;
import javax.sql.DataSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The one reader of queue interval rows that the REST API, the OData feed, the push sinks and the wallboard share.
 * Its base granularity and source idle timeout are {@code streamvane.kpi}'s, the engine's own.
 */
@Configuration(proxyBeanMethods = false)
class QueueIntervalsConfiguration {

    @Bean
    QueueIntervals queueIntervals(KpiSettings kpi) {
        return new QueueIntervals(kpi.baseGranularity(), kpi.sourceIdleTimeout());
    }

    /**
     * The JdbcTemplate of the read surfaces, and through it Boot's JdbcClient: each statement they run, also those on
     * the connection {@link QueueIntervals#query} lends, is cancelled after the statement timeout (PostgreSQL answers
     * SQLState 57014). The delivery engine and the retention job take their connections from the DataSource, so long
     * purges and take-overs are not bounded by it.
     */
    @Bean
    JdbcTemplate jdbcTemplate(DataSource dataSource, QueryProperties query) {
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        jdbc.setQueryTimeout(query.statementTimeoutSeconds());
        return jdbc;
    }
}
