package io.streamvane.ingress.websocket;

import io.micrometer.core.instrument.MeterRegistry;
import io.streamvane.ingress.pipeline.EventIngestion;
import java.net.http.HttpClient;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/** Starts one {@link ChannelSession} per channel's worth of topics with the context, and stops them with it. */
final class GenesysWebsocketIngress implements SmartLifecycle {

    private static final Logger LOG = LoggerFactory.getLogger(GenesysWebsocketIngress.class);

    private final TopicSource topicSource;
    private final NotificationsClient api;
    private final EventIngestion ingestion;
    private final GapRecorder gaps;
    private final GenesysWebsocketProperties settings;
    private final Clock clock;
    private final MeterRegistry meters;
    private final HttpClient http = HttpClient.newHttpClient();
    private final List<ChannelSession> sessions = new ArrayList<>();

    GenesysWebsocketIngress(TopicSource topicSource, NotificationsClient api, EventIngestion ingestion,
                            GapRecorder gaps, GenesysWebsocketProperties settings, Clock clock, MeterRegistry meters) {
        this.topicSource = topicSource;
        this.api = api;
        this.ingestion = ingestion;
        this.gaps = gaps;
        this.settings = settings;
        this.clock = clock;
        this.meters = meters;
    }

    @Override
    public synchronized void start() {
        List<List<String>> chunks = Topics.perChannel(topicSource.topics(), settings.topicsPerChannel());
        if (chunks.size() > 20) {
            // Genesys evicts the oldest channel beyond 20 per user+client: more would evict our own.
            LOG.error("{} channels needed but Genesys keeps 20 per OAuth client; subscribing the first 20", chunks.size());
            chunks = chunks.subList(0, 20);
        }
        for (List<String> chunk : chunks) {
            var session = new ChannelSession(chunk, api, http, ingestion, gaps, settings, clock, meters);
            sessions.add(session);
            session.start();
        }
        LOG.info("Genesys websocket ingress started: {} channel(s)", sessions.size());
    }

    @Override
    public synchronized void stop() {
        sessions.forEach(ChannelSession::close);
        sessions.clear();
    }

    @Override
    public synchronized boolean isRunning() {
        return !sessions.isEmpty();
    }
}
