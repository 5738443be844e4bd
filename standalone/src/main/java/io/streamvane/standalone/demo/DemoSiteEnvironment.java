package io.streamvane.standalone.demo;

import io.streamvane.simulator.model.SiteTimeZones;
import java.time.Instant;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.util.StringUtils;

/**
 * With the demo on, gives the simulated site one time zone for the whole app: the configured
 * {@code streamvane.simulator.site-time-zone}, else the real site where it is early afternoon now, and makes it the
 * KPI time zone ({@code streamvane.kpi.time-zone}) unless one is configured, so the wallboard's "today", the daily
 * rows and the reporting views' dates are the site's. Runs before binding, because every service publishes the KPI
 * settings at start-up; it reads the wall clock once for that choice, as nothing else exists yet.
 */
public class DemoSiteEnvironment implements EnvironmentPostProcessor {

    static final String SITE_ZONE = "streamvane.simulator.site-time-zone";
    static final String KPI_ZONE = "streamvane.kpi.time-zone";
    private static final String SOURCE = "streamvaneDemoSite";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (!environment.getProperty("streamvane.simulator.enabled", Boolean.class, false)) {
            return;
        }
        String site = environment.getProperty(SITE_ZONE);
        Map<String, Object> added = new HashMap<>();
        if (!StringUtils.hasText(site)) {
            ZoneId chosen = SiteTimeZones.nearestTo(DemoSimulation.SITE_LOCAL_NOW, Instant.now());
            site = chosen.getId();
            added.put(SITE_ZONE, site);
        }
        if (!StringUtils.hasText(environment.getProperty(KPI_ZONE))) {
            added.put(KPI_ZONE, site);
        }
        if (!added.isEmpty()) {
            environment.getPropertySources().addFirst(new MapPropertySource(SOURCE, added));
        }
    }
}
