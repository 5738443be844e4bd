package io.streamvane.scheduler;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.streamvane.model.kpi.KpiSettings;
import io.streamvane.scheduler.agents.UserAggregates;
import io.streamvane.scheduler.gapfill.GapFillSettings;
import io.streamvane.scheduler.gapfill.GapFiller;
import io.streamvane.scheduler.genesys.GenesysClient;
import io.streamvane.scheduler.genesys.GenesysClientMeters;
import io.streamvane.scheduler.genesys.GenesysProperties;
import io.streamvane.scheduler.genesys.Sleeper;
import io.streamvane.scheduler.jobs.JobRunner;
import io.streamvane.scheduler.jobs.ScheduledJobs;
import io.streamvane.scheduler.observe.ObservationPoll;
import io.streamvane.scheduler.reconcile.ReconcileSettings;
import io.streamvane.scheduler.reconcile.Reconciler;
import io.streamvane.scheduler.reference.ReferenceSync;
import io.streamvane.scheduler.store.QueueAggregates;
import io.streamvane.scheduler.store.QueueIntervals;
import io.streamvane.scheduler.wfm.WfmIntraday;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import javax.sql.DataSource;
import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.provider.jdbctemplate.JdbcTemplateLockProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.ObjectMapper;

/**
 * Wires the scheduler explicitly. Nothing here starts unless a Genesys client id is configured, so the
 * single-process demo (simulator as event source, no Genesys) runs without it.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(prefix = "streamvane.scheduler.genesys", name = "client-id")
@EnableConfigurationProperties({GenesysProperties.class, GapFillSettings.class, ReconcileSettings.class})
public class SchedulerConfiguration {

    @Bean
    GenesysClient genesysClient(GenesysProperties props, Clock clock) {
        return new GenesysClient(props, clock, Sleeper.REAL);
    }

    @Bean
    MeterBinder genesysClientMeters(GenesysClient client) {
        return new GenesysClientMeters(client);
    }

    @Bean
    QueueAggregates schedulerQueueAggregates(GenesysClient client, KpiSettings kpi) {
        return new QueueAggregates(client, kpi.baseGranularity());
    }

    @Bean
    QueueIntervals schedulerQueueIntervals(JdbcTemplate jdbc) {
        return new QueueIntervals(jdbc);
    }

    @Bean
    TransactionTemplate schedulerTransactions(PlatformTransactionManager tm) {
        return new TransactionTemplate(tm);
    }

    @Bean
    GapFiller gapFiller(QueueAggregates a, QueueIntervals i, JdbcTemplate jdbc, TransactionTemplate schedulerTransactions,
                        GapFillSettings settings, Clock clock) {
        return new GapFiller(a, i, jdbc, schedulerTransactions, settings, clock);
    }

    @Bean
    Reconciler reconciler(QueueAggregates a, QueueIntervals i, JdbcTemplate jdbc, TransactionTemplate schedulerTransactions,
                          ReconcileSettings settings, MeterRegistry meters, Clock clock) {
        return new Reconciler(a, i, jdbc, schedulerTransactions, settings, clock, meters);
    }

    @Bean
    ReferenceSync referenceSync(GenesysClient client, JdbcTemplate jdbc, TransactionTemplate schedulerTransactions,
                                ObjectMapper json, @Value("${streamvane.scheduler.reference.page-size:100}") int pageSize) {
        return new ReferenceSync(client, jdbc, schedulerTransactions, json, pageSize);
    }

    @Bean
    ObservationPoll observationPoll(GenesysClient client, JdbcTemplate jdbc, TransactionTemplate schedulerTransactions,
                                    ObjectMapper json,
                                    @Value("${streamvane.scheduler.observation-poll.stale-after:PT2M}") Duration staleAfter,
                                    @Value("${streamvane.scheduler.observation-poll.queues-per-request:100}") int perRequest,
                                    Clock clock) {
        return new ObservationPoll(client, jdbc, schedulerTransactions, json, clock, staleAfter, perRequest);
    }

    @Bean
    UserAggregates userAggregates(GenesysClient client, JdbcTemplate jdbc, TransactionTemplate schedulerTransactions,
                                  KpiSettings kpi,
                                  @Value("${streamvane.scheduler.user-aggregates.age:PT1H}") Duration age,
                                  @Value("${streamvane.scheduler.user-aggregates.chunk:PT1H}") Duration chunk,
                                  @Value("${streamvane.scheduler.user-aggregates.max-catch-up:P2D}") Duration maxCatchUp,
                                  @Value("${streamvane.scheduler.user-aggregates.users-per-request:100}") int perRequest,
                                  Clock clock) {
        return new UserAggregates(client, jdbc, schedulerTransactions, clock, kpi.baseGranularity(), age,
                chunk, maxCatchUp, perRequest);
    }

    @Bean
    WfmIntraday wfmIntraday(GenesysClient client, JdbcTemplate jdbc, TransactionTemplate schedulerTransactions,
                            @Value("${streamvane.scheduler.wfm.business-unit-ids:}") List<String> businessUnits,
                            @Value("${streamvane.scheduler.wfm.time-zone:UTC}") String zone,
                            @Value("${streamvane.scheduler.wfm.days-ahead:1}") int daysAhead,
                            @Value("${streamvane.scheduler.wfm.interval-minutes:15}") int intervalMinutes,
                            Clock clock) {
        return new WfmIntraday(client, jdbc, schedulerTransactions, clock,
                businessUnits.stream().filter(b -> !b.isBlank()).toList(), ZoneId.of(zone), daysAhead, intervalMinutes);
    }

    /** ShedLock on the V3 {@code shedlock} table; its columns are UTC {@code timestamp}, hence database time. */
    @Bean
    @ConditionalOnMissingBean
    LockProvider lockProvider(DataSource dataSource) {
        return new JdbcTemplateLockProvider(JdbcTemplateLockProvider.Configuration.builder()
                .withJdbcTemplate(new JdbcTemplate(dataSource))
                .usingDbTime()
                .build());
    }

    @Bean
    JobRunner jobRunner(LockProvider lockProvider, GapFiller gapFiller, Reconciler reconciler, ReferenceSync referenceSync,
                        ObservationPoll observationPoll, UserAggregates userAggregates, WfmIntraday wfmIntraday,
                        @Value("${streamvane.scheduler.jobs.lock-at-most-for:PT30M}") Duration atMost,
                        @Value("${streamvane.scheduler.jobs.lock-at-least-for:PT5S}") Duration atLeast,
                        Clock clock) {
        return new JobRunner(lockProvider, clock, atMost, atLeast)
                .register(ScheduledJobs.REFERENCE_SYNC, referenceSync::run)
                .register(ScheduledJobs.GAP_FILL, gapFiller::fillPending)
                .register(ScheduledJobs.RECONCILE, reconciler::runAllPasses)
                .register(ScheduledJobs.OBSERVATION_POLL, observationPoll::run)
                .register(ScheduledJobs.USER_AGGREGATES, userAggregates::run)
                .register(ScheduledJobs.WFM_INTRADAY, wfmIntraday::run);
    }

    // Component scanning registers nested configurations on their own, so the outer condition is repeated here.
    @Configuration(proxyBeanMethods = false)
    @EnableScheduling
    @ConditionalOnProperty(prefix = "streamvane.scheduler.genesys", name = "client-id")
    @ConditionalOnProperty(name = "streamvane.scheduler.jobs.enabled", havingValue = "true", matchIfMissing = true)
    static class Schedule {
        @Bean
        ScheduledJobs scheduledJobs(JobRunner runner) {
            return new ScheduledJobs(runner);
        }
    }
}
