package io.streamvane.scheduler;

import io.streamvane.model.kpi.Granularity;
import io.streamvane.model.kpi.IntervalComponents;
import io.streamvane.model.kpi.QueueMetric;
import io.streamvane.scheduler.store.QueueIntervals;
import io.streamvane.testsupport.TestDatabases;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** A fresh migrated PostgreSQL with the scheduler's stores on it. */
public final class StoreFixture {

    public final DataSource dataSource = TestDatabases.freshMigrated().dataSource();
    public final JdbcTemplate jdbc = new JdbcTemplate(dataSource);
    public final TransactionTemplate tx = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
    public final QueueIntervals intervals = new QueueIntervals(jdbc);

    /** An event-derived row as the engine would have written it. */
    public void eventRow(String queue, String media, Instant start, IntervalComponents c, int revision) {
        List<String> columns = QueueMetric.components().stream().map(QueueMetric::column).toList();
        List<Object> args = new ArrayList<>(List.of(queue, media, Timestamp.from(start),
                Timestamp.from(start.plus(Granularity.PT15M.duration()))));
        Arrays.stream(c.toArray()).forEach(args::add);
        args.add(revision);
        jdbc.update("INSERT INTO queue_interval (queue_id, media_type, interval_start, interval_end, "
                + String.join(", ", columns) + ", revision, is_final) VALUES (?, ?, ?, ?, "
                + String.join(", ", Collections.nCopies(columns.size(), "?")) + ", ?, true)", args.toArray());
    }

    public long gap(Instant from, Instant to) {
        return jdbc.queryForObject("INSERT INTO ingest_gap (source, gap_start, gap_end) VALUES ('websocket', ?, ?) RETURNING id",
                Long.class, Timestamp.from(from), Timestamp.from(to));
    }
}
