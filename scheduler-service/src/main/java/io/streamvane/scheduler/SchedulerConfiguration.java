package io.streamvane.scheduler;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.streamvane.model.kpi.KpiSettings;
import io.streamvane.scheduler.agents.UserAggregates;
import io.streamvane.scheduler.agents.UserAggregatesSettings;
import io.streamvane.scheduler.gapfill.GapFillSettings;
import io.streamvane.scheduler.gapfill.GapFiller;
import io.streamvane.scheduler.genesys.GenesysClient;
import io.streamvane.scheduler.genesys.GenesysClientMeters;
import io.streamvane.scheduler.genesys.GenesysProperties;
import io.streamvane.scheduler.genesys.Sleeper;
import io.streamvane.scheduler.jobs.JobRunner;
import io.streamvane.scheduler.jobs.JobsSettings;
import io.streamvane.scheduler.jobs.ScheduledJobs;
import io.streamvane.scheduler.observe.ObservationPoll;
import io.streamvane.scheduler.observe.ObservationPollSettings;
import io.streamvane.scheduler.reconcile.ReconcileSettings;
import io.streamvane.scheduler.reconcile.Reconciler;
import io.streamvane.scheduler.reference.ReferenceSettings;
import io.streamvane.scheduler.reference.ReferenceSync;
import io.streamvane.scheduler.store.QueueAggregates;
import io.streamvane.scheduler.store.QueueIntervals;
import io.streamvane.scheduler.wfm.WfmIntraday;
import io.streamvane.scheduler.wfm.WfmSettings;
import java.time.Clock;
import java.util.List;
import javax.sql.DataSource;
import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.provider.jdbctemplate.JdbcTemplateLockProvider;
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
 * Wires the scheduler explicitly, each job from its settings record ({@code streamvane.scheduler.*}). Nothing here
 * starts unless a Genesys client id is configured, so the single-process demo (simulator as event source, no Genesys)
 * runs without it.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(prefix = "streamvane.scheduler.genesys", name = "client-id")
@EnableConfigurationProperties({GenesysProperties.class, GapFillSettings.class, ReconcileSettings.class,
        ReferenceSettings.class, ObservationPollSettings.class, UserAggregatesSettings.class, WfmSettings.class,
        JobsSettings.class})
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
                                ObjectMapper json, ReferenceSettings settings, Clock clock) {
        return new ReferenceSync(client, jdbc, schedulerTransactions, json, settings.pageSize(), clock);
    }

    @Bean
    ObservationPoll observationPoll(GenesysClient client, JdbcTemplate jdbc, TransactionTemplate schedulerTransactions,
                                    ObjectMapper json, ObservationPollSettings settings, Clock clock) {
        return new ObservationPoll(client, jdbc, schedulerTransactions, json, clock, settings.staleAfter(),
                settings.queuesPerRequest());
    }

    @Bean
    UserAggregates userAggregates(GenesysClient client, JdbcTemplate jdbc, TransactionTemplate schedulerTransactions,
                                  KpiSettings kpi, UserAggregatesSettings settings, ReconcileSettings reconcile,
                                  MeterRegistry meters, Clock clock) {
        // The queue reconciliation's passes: agent and queue figures are compared with Genesys at the same ages.
        List<UserAggregates.Pass> passes = reconcile.passes().stream()
                .map(p -> new UserAggregates.Pass(p.name(), p.age())).toList();
        return new UserAggregates(client, jdbc, schedulerTransactions, clock, kpi.baseGranularity(), passes,
                settings.chunk(), settings.maxCatchUp(), settings.usersPerRequest(), meters);
    }

    @Bean
    WfmIntraday wfmIntraday(GenesysClient client, JdbcTemplate jdbc, TransactionTemplate schedulerTransactions,
                            WfmSettings settings, Clock clock) {
        return new WfmIntraday(client, jdbc, schedulerTransactions, clock, settings.businessUnitIds(),
                settings.timeZone(), settings.daysAhead(), settings.intervalMinutes());
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
                        JobsSettings settings, Clock clock) {
        return new JobRunner(lockProvider, clock, settings.lockAtMostFor(), settings.lockAtLeastFor())
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
    static class Schedule {
        @Bean
        ScheduledJobs scheduledJobs(JobRunner runner, JobsSettings settings) {
            return new ScheduledJobs(runner, settings);
        }
    }
}
