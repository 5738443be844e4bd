package io.streamvane.platform.kpi;

import io.streamvane.model.kpi.KpiSettings;
import io.streamvane.model.store.KpiSettingsStore;
import io.streamvane.model.store.KpiSettingsStore.Publication;
import io.streamvane.model.store.Transactions;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.InitializingBean;

/**
 * Publishes this service's {@link KpiSettings} to the store at start-up ({@link KpiSettingsStore#publish}) and
 * refuses to start when the store holds different ones this service may not change, naming each differing key:
 * two services that count a KPI differently must not both run.
 */
public final class KpiSettingsPublication implements InitializingBean {

    private static final Logger log = LoggerFactory.getLogger(KpiSettingsPublication.class);

    private final DataSource dataSource;
    private final KpiSettings settings;
    private final KpiSettingsStore.Role role;
    private final String publisher;
    private volatile Publication outcome;

    public KpiSettingsPublication(DataSource dataSource, KpiSettings settings, KpiSettingsStore.Role role,
            String publisher) {
        this.dataSource = dataSource;
        this.settings = settings;
        this.role = role;
        this.publisher = publisher;
    }

    @Override
    public void afterPropertiesSet() throws SQLException {
        Connection c;
        try {
            c = dataSource.getConnection();
        } catch (SQLException e) {
            // A service must come up while the store is down (ingress then answers 503 with Retry-After), so an
            // unreachable store skips the check instead of failing the start; the next start makes it.
            log.warn("KPI settings not checked against the store, which is unreachable: {}", e.getMessage());
            return;
        }
        try (c) {
            outcome = Transactions.inTransaction(c, tx -> KpiSettingsStore.publish(tx, settings, role, publisher));
        }
        if (outcome instanceof Publication.Refused r) {
            throw new IllegalStateException("streamvane.kpi differs from the settings the store holds, which this "
                    + "service may not change; configure every service from the same streamvane.kpi tree:\n  "
                    + String.join("\n  ", r.differences()));
        }
        if (outcome instanceof Publication.Changed ch) {
            log.warn("KPI settings changed by {}:\n  {}", publisher, String.join("\n  ", ch.differences()));
        } else if (outcome instanceof Publication.Stored) {
            log.info("KPI settings published by {}", publisher);
        }
    }

    /** What the start-up publication did; empty when the store was unreachable at start-up. */
    public Optional<Publication> outcome() {
        return Optional.ofNullable(outcome);
    }

    public KpiSettings settings() {
        return settings;
    }
}
