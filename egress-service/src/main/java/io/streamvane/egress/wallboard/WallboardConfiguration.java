package io.streamvane.egress.wallboard;

import io.micrometer.core.instrument.MeterRegistry;
import io.streamvane.egress.api.QueueReader;
import io.streamvane.egress.intervals.QueueIntervals;
import io.streamvane.model.kpi.AlertPolicy;
import io.streamvane.model.store.StoreChannels;
import io.streamvane.platform.postgres.NotificationListener;
import java.time.Clock;
import java.util.List;
import javax.sql.DataSource;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.servlet.config.annotation.ViewControllerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import tools.jackson.databind.json.JsonMapper;

/** Wires the wallboard: reader → broadcaster ← LISTEN connection; the stream's access filter; the page. */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWallboard
class WallboardConfiguration implements WebMvcConfigurer {

    @Bean
    WallboardBroadcaster wallboardBroadcaster(QueueReader queues, QueueIntervals intervals,
            JdbcClient jdbc, JdbcTemplate jdbcTemplate, JsonMapper json,
            WallboardProperties properties, AlertPolicy alerts, Clock clock, MeterRegistry meters) {
        var reader = new WallboardReader(queues, intervals, jdbc, jdbcTemplate, alerts, properties.groups(), clock);
        return new WallboardBroadcaster(reader::read, json, properties, clock, meters);
    }

    /**
     * One LISTEN connection per process for every open screen, on the engine's commit-time notifications: the change
     * log's and the real-time tables'. A notification is a hint; the broadcaster also resyncs on a timer.
     */
    @Bean
    NotificationListener wallboardChangeListener(DataSource dataSource, WallboardBroadcaster broadcaster) {
        return new NotificationListener("wallboard-listen", dataSource,
                List.of(StoreChannels.KPI_CHANGES, StoreChannels.REALTIME_CHANGES), broadcaster::changed);
    }

    @Bean
    StreamTokens wallboardStreamTokens(JdbcClient jdbc, Clock clock, WallboardProperties properties) {
        return new StreamTokens(jdbc, clock, properties.tokenTtl());
    }

    @Bean
    FilterRegistrationBean<StreamAccessFilter> wallboardStreamAccess(StreamTokens tokens) {
        var registration = new FilterRegistrationBean<>(new StreamAccessFilter(tokens));
        registration.addUrlPatterns("/wallboard/stream");
        // After Spring Security's chain (order -100), so header keys and tokens are already authenticated.
        registration.setOrder(0);
        return registration;
    }

    @Override
    public void addViewControllers(ViewControllerRegistry registry) {
        registry.addViewController("/wallboard/").setViewName("forward:/wallboard/index.html");
    }
}
