package io.streamvane.standalone.demo;

import io.streamvane.simulator.EmissionConfig;
import io.streamvane.simulator.Simulator;
import io.streamvane.simulator.events.ScheduledMessage;
import io.streamvane.simulator.api.FakeApiSettings;
import io.streamvane.simulator.api.FakeGenesysApi;
import io.streamvane.simulator.faults.FaultConfig;
import io.streamvane.simulator.model.AgentSpec;
import io.streamvane.simulator.model.ArrivalProfile;
import io.streamvane.simulator.model.DefaultContactCenter;
import io.streamvane.simulator.model.QueueSpec;
import io.streamvane.simulator.model.Shift;
import io.streamvane.simulator.model.SimulationConfig;
import io.streamvane.simulator.model.SiteTimeZones;
import io.streamvane.scheduler.genesys.GenesysProperties;
import io.streamvane.simulator.sink.HttpEventSink;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;

/**
 * When {@code streamvane.simulator.enabled=true}: simulates a contact-center day from now and serves it as a fake
 * Genesys API for the scheduler; once the web server is up, publishes the day's events at an accelerated clock to
 * this app's own HTTP ingress with the demo API key, and prints where everything is.
 */
@Component
@ConditionalOnBooleanProperty("streamvane.simulator.enabled")
public class DemoSimulation implements SmartLifecycle, DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(DemoSimulation.class);
    /** Early afternoon: the two hours before it are the late-morning peak, the hours after it a busy afternoon. */
    static final LocalTime SITE_LOCAL_NOW = LocalTime.of(13, 0);

    private final SimulatorProperties properties;
    private final Environment environment;
    private final Clock clock;
    private volatile SimulationConfig config;
    private volatile Duration computed;
    private volatile Simulator run;
    private volatile FakeGenesysApi fakeApi;
    private volatile HttpEventSink sink;
    private volatile Thread publisher;
    private volatile String banner;
    private volatile long publishStartNanos;
    private volatile long simulationStartMs;
    private volatile boolean running;

    public DemoSimulation(SimulatorProperties properties, Environment environment, Clock clock) {
        this.properties = properties;
        this.environment = environment;
        this.clock = clock;
    }

    /**
     * Simulates the day and starts the fake Genesys API on the port {@link DemoGenesysEnvironment} chose. As a
     * lifecycle start this runs before the context-refreshed event, on which the scheduler's jobs are scheduled, so
     * its first call finds the fake listening.
     */
    @Override
    public void start() {
        config = simulationConfig();
        EmissionConfig emission = properties.faults() == SimulatorProperties.Faults.TYPICAL
                ? EmissionConfig.defaults().withFaults(FaultConfig.typical()) : EmissionConfig.defaults();
        long computeStart = System.nanoTime();
        run = Simulator.run(config, emission);
        computed = Duration.ofNanos(System.nanoTime() - computeStart);
        simulationStartMs = run.messages().isEmpty() ? config.start().toEpochMilli()
                : run.messages().get(0).sendAtMs();

        fakeApi = FakeGenesysApi.start(run, FakeApiSettings.defaults()
                .withPort(properties.apiPort())
                .withClients(Map.of(properties.apiClientId(), properties.apiClientSecret()))
                .withRequestsPerMinute(properties.apiRequestsPerMinute())
                .withTokenLifetime(properties.apiTokenLifetime())
                .withSimulationNow(this::simulatedNow));
        running = true;
    }

    /** Once the web server is up (the ingress is this app's own), publishes the day and prints the banner. */
    @EventListener(ApplicationReadyEvent.class)
    public void publishAndAnnounce() {
        String port = environment.getProperty("local.server.port", environment.getProperty("server.port", "8080"));
        String appUrl = "http://localhost:" + port;
        String apiKey = apiKey();

        String ingress = StringUtils.hasText(properties.ingressUrl()) ? properties.ingressUrl() : appUrl;
        sink = HttpEventSink.forBaseUrl(ingress, apiKey);
        banner = banner(appUrl, apiKey);
        log.info(banner);

        publishStartNanos = System.nanoTime();
        publisher = new Thread(this::publish, "streamvane-demo-publisher");
        publisher.setDaemon(true);
        publisher.start();
    }

    /**
     * Catches up with the wall clock at {@code speedup}, then runs live: a message goes out at the later of its
     * accelerated schedule and its own send time, so event times never run ahead of the wall clock.
     */
    private void publish() {
        long wallStartMs = clock.millis();
        try {
            for (ScheduledMessage scheduled : run.messages()) {
                long accelerated = wallStartMs + (long) ((scheduled.sendAtMs() - simulationStartMs) / properties.speedup());
                long due = Math.max(accelerated, scheduled.sendAtMs());
                long waitMs = due - clock.millis();
                if (waitMs > 0) {
                    Thread.sleep(waitMs);
                }
                sink.accept(scheduled.message());
            }
            log.info("Demo simulation finished: {} messages, ingress answered {}", run.messages().size(),
                    sink.statusCounts());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            log.warn("Demo simulation stopped", e);
        }
    }

    /** Simulated time as the publisher sees it: accelerated until it meets the wall clock, then the wall clock. */
    Instant simulatedNow() {
        if (publishStartNanos == 0) {
            return Instant.ofEpochMilli(simulationStartMs);
        }
        double elapsedMs = (System.nanoTime() - publishStartNanos) / 1_000_000.0;
        long accelerated = simulationStartMs + (long) (elapsedMs * properties.speedup());
        return Instant.ofEpochMilli(Math.min(accelerated, Math.max(clock.millis(), simulationStartMs)));
    }

    SimulationConfig simulationConfig() {
        Instant now = clock.instant();
        Instant start = properties.start() != null ? properties.start()
                : now.minus(properties.history()).truncatedTo(ChronoUnit.MINUTES);
        Duration duration = properties.duration();
        List<QueueSpec> queues = DefaultContactCenter.queues(4);
        List<AgentSpec> agents = new ArrayList<>();
        // Everyone works the whole window (logging on over the first minutes), so numbers show up at once
        // whatever time of day the demo starts; breaks are staggered through the middle of the window.
        List<AgentSpec> defaults = DefaultContactCenter.agents(40, 4);
        for (int i = 0; i < defaults.size(); i++) {
            AgentSpec agent = defaults.get(i);
            Shift shift = new Shift(Duration.ofMinutes(i % 5), duration,
                    duration.multipliedBy(3 + i % 4).dividedBy(8), min(Duration.ofMinutes(30), duration.dividedBy(16)));
            agents.add(new AgentSpec(agent.id(), agent.name(), agent.queueIds(), agent.media(), shift));
        }
        return SimulationConfig.defaults().withSeed(properties.seed()).withWindow(start, duration)
                .withProfile(ArrivalProfile.typicalDay().at(siteZone(now)))
                .withArrivalRateScale(properties.arrivalRateScale()).withStaff(queues, agents);
    }

    /**
     * The configured site time zone, else the real site whose local time is nearest {@link #SITE_LOCAL_NOW}: the
     * replayed history and the live part then fall in the site's busy hours whatever hour the demo starts.
     */
    ZoneId siteZone(Instant now) {
        return properties.siteTimeZone() != null ? properties.siteTimeZone()
                : SiteTimeZones.nearestTo(SITE_LOCAL_NOW, now);
    }

    /** The configured key, or the one {@link DemoApiKeyEnvironment} generated into the environment before binding. */
    private String apiKey() {
        return properties.apiKey();
    }

    private String banner(String appUrl, String apiKey) {
        boolean generated = DemoApiKeyEnvironment.generated(environment);
        return String.join(System.lineSeparator(), "",
                "================ Streamvane demo ================",
                "Wallboard     " + appUrl + "/#key=" + apiKey,
                "API           " + appUrl + "/api/v1",
                "OpenAPI       " + appUrl + "/v3/api-docs",
                "Health        " + appUrl + "/actuator/health",
                "API key       " + apiKey + (generated ? "  (generated for this run)" : "")
                        + "  -> header X-API-Key or Authorization: Bearer",
                "Site          " + siteDescription(),
                "Simulator     " + config.queues().size() + " queues, " + config.agents().size() + " agents, "
                        + run.events().size() + " events from " + config.start() + " over " + config.duration()
                        + " at " + properties.speedup() + "x, faults " + properties.faults()
                        + " (computed in " + computed.toMillis() + " ms)",
                "Fake Genesys  " + fakeApi.baseUrl() + "  (login and API host; client "
                        + properties.apiClientId() + " / " + properties.apiClientSecret() + ")",
                "Scheduler     " + schedulerTarget(),
                "=================================================");
    }

    private String siteDescription() {
        ZoneId zone = config.profile().siteZone();
        return zone + ", local time " + clock.instant().atZone(zone).toLocalTime().truncatedTo(ChronoUnit.MINUTES)
                + " (arrivals follow the site's hours; set streamvane.simulator.site-time-zone to choose)";
    }

    private String schedulerTarget() {
        GenesysProperties genesys = Binder.get(environment)
                .bindOrCreate("streamvane.scheduler.genesys", GenesysProperties.class);
        if (!StringUtils.hasText(genesys.clientId())) {
            return "off (no streamvane.scheduler.genesys.client-id)";
        }
        String target = genesys.apiBaseUrl().toString();
        return fakeApi.baseUrl().toString().equals(target)
                ? "reference sync, observation poll, reconciliation and user aggregates against the fake Genesys"
                : "against " + target;
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    public String banner() {
        return banner;
    }

    public FakeGenesysApi fakeApi() {
        return fakeApi;
    }

    public HttpEventSink sink() {
        return sink;
    }

    public Simulator run() {
        return run;
    }

    @Override
    public void stop() {
        running = false;
        Thread thread = publisher;
        if (thread != null) {
            thread.interrupt();
        }
        if (fakeApi != null) {
            fakeApi.close();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Also when the context fails to start after this bean did: the fake API's port must not stay bound. */
    @Override
    public void destroy() {
        stop();
    }
}
