package io.streamvane.egress.wfm;

import io.streamvane.egress.delivery.Sink;
import io.streamvane.egress.delivery.SinkProvider;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** One {@link WfmFeedSink} per configured feed. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(WfmProperties.class)
class WfmConfiguration {

    @Bean
    SinkProvider wfmFeeds(WfmProperties properties, Clock clock) {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10))
                .followRedirects(HttpClient.Redirect.NEVER).build();
        List<Sink> sinks = properties.feeds().stream()
                .<Sink>map(f -> new WfmFeedSink(f, http, clock)).toList();
        return () -> sinks;
    }
}
