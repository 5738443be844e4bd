package io.streamvane.ingress.servicebus;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.sql.DataSource;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.jdbc.datasource.DelegatingDataSource;

/**
 * Puts the context's DataSource behind a switch: while down, every new connection is refused with SQLState 08001, as
 * a database that cannot be reached (the pipeline, the store probe and anything else that asks alike).
 */
final class StoreSwitch implements BeanPostProcessor {

    private final AtomicBoolean down = new AtomicBoolean();

    void down() {
        down.set(true);
    }

    void up() {
        down.set(false);
    }

    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) {
        return bean instanceof DataSource dataSource && !(bean instanceof Switched) ? new Switched(dataSource) : bean;
    }

    private final class Switched extends DelegatingDataSource {

        Switched(DataSource target) {
            super(target);
        }

        @Override
        public Connection getConnection() throws SQLException {
            refuseWhileDown();
            return super.getConnection();
        }

        @Override
        public Connection getConnection(String username, String password) throws SQLException {
            refuseWhileDown();
            return super.getConnection(username, password);
        }

        private void refuseWhileDown() throws SQLTransientConnectionException {
            if (down.get()) {
                throw new SQLTransientConnectionException("Connection refused (test: the store is down)", "08001");
            }
        }
    }
}
