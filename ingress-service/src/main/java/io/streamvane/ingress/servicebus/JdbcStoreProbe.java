package io.streamvane.ingress.servicebus;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Probes the store with a trivial query on a fresh pooled connection. */
final class JdbcStoreProbe implements StoreProbe {

    private static final Logger LOG = LoggerFactory.getLogger(JdbcStoreProbe.class);
    private final JdbcClient jdbc;

    JdbcStoreProbe(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public boolean storeAvailable() {
        try {
            return jdbc.sql("SELECT 1").query(Integer.class).single() == 1;
        } catch (RuntimeException e) {
            LOG.debug("Store probe failed: {}", e.getMessage());
            return false;
        }
    }
}
