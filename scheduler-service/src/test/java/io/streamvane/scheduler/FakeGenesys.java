package io.streamvane.scheduler;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.streamvane.scheduler.genesys.GenesysClient;
import io.streamvane.scheduler.genesys.GenesysProperties;
import io.streamvane.testsupport.MutableClock;
import java.net.URI;
import java.time.Instant;

/** A WireMock Genesys (login and api on one port) with a client wired to it, a test clock and a recording sleeper. */
public final class FakeGenesys implements AutoCloseable {

    public final WireMockServer server = new WireMockServer(options().dynamicPort());
    public final MutableClock clock = new MutableClock(Instant.parse("2026-03-02T12:00:00Z"));
    public final RecordingSleeper sleeper = new RecordingSleeper();

    public FakeGenesys() {
        server.start();
        server.stubFor(post(urlEqualTo("/oauth/token")).atPriority(10).willReturn(aResponse()
                .withHeader("Content-Type", "application/json")
                .withBody("{\"access_token\":\"tok-1\",\"token_type\":\"bearer\",\"expires_in\":86399}")));
    }

    public GenesysProperties properties() {
        return GenesysProperties.forBaseUrl(URI.create(server.baseUrl()), "client", "secret");
    }

    public GenesysClient client() {
        return new GenesysClient(properties(), clock, sleeper);
    }

    public GenesysClient client(GenesysProperties props) {
        return new GenesysClient(props, clock, sleeper);
    }

    @Override
    public void close() {
        server.stop();
    }
}
