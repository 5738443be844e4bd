package io.streamvane.egress.wfm;

import io.streamvane.egress.delivery.ClientCredentialsToken;
import io.streamvane.egress.delivery.Delivery;
import io.streamvane.egress.delivery.FeedShape;
import io.streamvane.egress.delivery.Outcome;
import io.streamvane.egress.delivery.RedactedUri;
import io.streamvane.egress.delivery.RetryAfter;
import io.streamvane.egress.delivery.Sink;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.util.List;
import java.util.Objects;

/**
 * POSTs rows to one WFM receiver. 2xx is delivered; 410 Gone dead-letters (the receiver has retired the endpoint);
 * anything else, redirects included (never followed), is retried, honouring Retry-After.
 */
public final class WfmFeedSink implements Sink {

    private final WfmProperties.Feed feed;
    private final FeedShape shape;
    private final HttpClient http;
    private final Clock clock;
    private final WebhookSigner signer;
    private final ClientCredentialsToken token;

    public WfmFeedSink(WfmProperties.Feed feed, HttpClient http, Clock clock) {
        this.feed = Objects.requireNonNull(feed, "feed");
        Objects.requireNonNull(feed.name(), "streamvane.egress.wfm.feeds[].name");
        Objects.requireNonNull(feed.url(), "streamvane.egress.wfm.feeds[" + feed.name() + "].url");
        if (feed.batchSize() < 1) {
            throw new IllegalArgumentException("batch-size of feed " + feed.name() + " must be at least 1");
        }
        boolean agents = feed.rows() == WfmProperties.Rows.AGENT;
        this.shape = new FeedShape(feed.granularity(), feed.finalOnly(), feed.zeroFill(), !agents, agents);
        this.http = http;
        this.clock = clock;
        this.signer = feed.signingSecret() == null || feed.signingSecret().isBlank() ? null
                : new WebhookSigner(feed.signingSecret());
        this.token = feed.oauth2() == null ? null : new ClientCredentialsToken(http, feed.oauth2().tokenUri(),
                feed.oauth2().clientId(), feed.oauth2().clientSecret(), feed.oauth2().scope(), clock);
    }

    @Override
    public String name() {
        return feed.name();
    }

    @Override
    public FeedShape shape() {
        return shape;
    }

    @Override
    public int batchSize() {
        return feed.batchSize();
    }

    @Override
    public List<Outcome> send(List<Delivery> batch) throws Exception {
        WfmBody body = WfmBody.render(feed, batch);
        long timestamp = clock.instant().getEpochSecond();
        HttpRequest.Builder req = HttpRequest.newBuilder(feed.url()).timeout(feed.timeout())
                .header("Content-Type", body.contentType())
                .header("webhook-id", body.webhookId())
                .header("webhook-timestamp", Long.toString(timestamp))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.bytes()));
        if (signer != null) {
            req.header("webhook-signature", signer.sign(body.webhookId(), timestamp, body.bytes()));
        }
        feed.headers().forEach(req::header);
        if (token != null) {
            req.header("Authorization", "Bearer " + token.get());
        }
        HttpResponse<Void> r = http.send(req.build(), HttpResponse.BodyHandlers.discarding());
        int status = r.statusCode();
        if (status / 100 == 2) {
            return Outcome.all(batch.size(), Outcome.DELIVERED);
        }
        if (status == 410) {
            return Outcome.all(batch.size(), new Outcome.Reject("HTTP 410 Gone from " + RedactedUri.of(feed.url())));
        }
        if (status == 401 && token != null) {
            token.invalidate();
        }
        return Outcome.all(batch.size(), new Outcome.Retry("HTTP " + status + " from " + RedactedUri.of(feed.url()),
                RetryAfter.parse(r.headers().firstValue("Retry-After"), clock)));
    }
}
