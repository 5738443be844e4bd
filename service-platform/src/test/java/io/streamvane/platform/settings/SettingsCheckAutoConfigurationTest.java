package io.streamvane.platform.settings;

import static org.assertj.core.api.Assertions.assertThat;

import io.streamvane.model.kpi.KpiSettings;
import io.streamvane.platform.kpi.KpiSettingsAutoConfiguration;
import io.streamvane.platform.security.SecurityProperties;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.annotation.ImportCandidates;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.context.properties.bind.validation.BindValidationException;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;
import org.springframework.validation.FieldError;

class SettingsCheckAutoConfigurationTest {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(SettingsCheckAutoConfiguration.class,
                    KpiSettingsAutoConfiguration.class))
            .withUserConfiguration(Security.class);

    @Test
    void everyServiceGetsItByAutoConfiguration() {
        assertThat(ImportCandidates.load(AutoConfiguration.class, getClass().getClassLoader()).getCandidates())
                .contains(SettingsCheckAutoConfiguration.class.getName());
    }

    @Test
    void aMisspeltKeyFailsTheStartNamingItAndTheKeyItWasMeantToBe() {
        runner.withPropertyValues("streamvane.kpi.service-level.sl-treshold=30s").run(context -> {
            assertThat(context).hasFailed();
            assertThat(context.getStartupFailure()).isInstanceOf(UnknownSettingsException.class)
                    .hasMessageContaining("streamvane.kpi.service-level.sl-treshold")
                    .hasMessageContaining("did you mean streamvane.kpi.service-level.sl-threshold?");
        });
    }

    @Test
    void everyUnknownKeyIsNamedWithWhereItWasSet() {
        runner.withPropertyValues("streamvane.ingres.max-body-size=2MB", "streamvane.security.api-key[0].name=x")
                .run(context -> {
                    UnknownSettingsException failure = (UnknownSettingsException) context.getStartupFailure();
                    assertThat(failure.unknown()).extracting(UnknownSettings.Unknown::key)
                            .containsExactly("streamvane.ingres.max-body-size", "streamvane.security.api-key[0].name");
                    assertThat(failure.unknown()).allSatisfy(u -> assertThat(u.origin()).contains("test"));
                });
    }

    @Test
    void keysUnderAMapTypedSettingAndListIndicesPass() {
        runner.withPropertyValues(
                "streamvane.kpi.service-level.queues.q-1.sl-threshold=30s",
                "streamvane.kpi.service-level.queues.Q_Upper.include-abandons=false",
                "streamvane.kpi.service-level.media-types.chat.sl-threshold=60s",
                "streamvane.kpi.service-level.queue-media-types.q-1.email.sl-threshold=4h",
                "streamvane.security.api-keys[0].name=ops",
                "streamvane.security.api-keys[0].key=s3cret-ops-6b0e3f9a1d7c24e8a5f1",
                "streamvane.security.api-keys[0].scopes[0]=admin",
                "streamvane.security.public-paths=/actuator/health,/",
                "streamvane.security.access-rules[0].pattern=/api/v1/things/**",
                "streamvane.security.access-rules[0].scope=read")
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    assertThat(context.getBean(SecurityProperties.class).apiKeys()).hasSize(1);
                });
    }

    @Test
    void relaxedSpellingsTheBinderAcceptsPass() {
        runner.withPropertyValues("streamvane.kpi.serviceLevel.slThreshold=30s",
                "streamvane.kpi.service_level.short_abandon_threshold=5s").run(context -> {
                    assertThat(context).hasNotFailed();
                    assertThat(context.getBean(KpiSettings.class).serviceLevel().global()
                            .slThreshold()).isEqualTo(Duration.ofSeconds(30));
                });
    }

    @Test
    void aMisspeltFieldOfTheRecordAMapHoldsFailsToo() {
        runner.withPropertyValues("streamvane.kpi.service-level.queue-media-types.q-1.email.sl-treshold=4h")
                .run(context -> assertThat(context.getStartupFailure()).isInstanceOf(UnknownSettingsException.class)
                        .hasMessageContaining("streamvane.kpi.service-level.queue-media-types.q-1.email.sl-treshold"));
    }

    @Test
    void aValueThatDoesNotConvertIsLeftToTheBindingToReport() {
        runner.withPropertyValues("streamvane.kpi.allowed-lateness=soon").run(context -> {
            assertThat(context).hasFailed();
            assertThat(context.getStartupFailure()).rootCause().isNotInstanceOf(UnknownSettingsException.class);
            assertThat(context.getStartupFailure()).hasMessageContaining("streamvane.kpi");
        });
    }

    @Test
    void anOutOfRangeValueFailsTheStartNamingTheSetting() {
        runner.withPropertyValues("streamvane.security.jwk-set-timeout=0s").run(context -> {
            assertThat(context).hasFailed();
            BindValidationException invalid = (BindValidationException) context.getStartupFailure().getCause()
                    .getCause();
            assertThat(invalid.getValidationErrors().getName()).hasToString("streamvane.security");
            assertThat(invalid.getValidationErrors().getAllErrors()).singleElement()
                    .isInstanceOfSatisfying(FieldError.class, e -> assertThat(e.getField()).isEqualTo("jwkSetTimeout"));
            assertThat(invalid.getValidationErrors().getBoundProperties())
                    .anySatisfy(p -> assertThat(p.getName()).hasToString("streamvane.security.jwk-set-timeout"));
        });
    }

    @Test
    void anotherServicesNamespaceIsLeftToThatServiceButAnUnknownNamespaceFails() {
        runner.withPropertyValues("streamvane.scheduler.jobs.enabled=false").run(context ->
                assertThat(context).hasNotFailed());
        runner.withPropertyValues("streamvane.schedular.jobs.enabled=false").run(context ->
                assertThat(context.getStartupFailure()).isInstanceOf(UnknownSettingsException.class)
                        .hasMessageContaining("streamvane.schedular.jobs.enabled"));
    }

    @Test
    void systemPropertiesAreNotCheckedAsSpringBootsOwnUnboundCheckDoesNot() {
        runner.withSystemProperties("streamvane.reliability.soak=true").run(context ->
                assertThat(context).hasNotFailed());
    }

    @Test
    void theStartUpReportListsOneUnknownKeyALine() {
        UnknownSettingsException failure = new UnknownSettingsException(List.of(
                new UnknownSettings.Unknown("streamvane.kpi.service-level.sl-treshold",
                        "class path resource [application.yml] - 3:7", "streamvane.kpi.service-level.sl-threshold"),
                new UnknownSettings.Unknown("streamvane.ingres.max-body-size", null, null)));
        FailureAnalysis analysis = new UnknownSettingsFailureAnalyzer().analyze(new IllegalStateException(failure));
        assertThat(analysis.getDescription()).contains(
                "    streamvane.kpi.service-level.sl-treshold (class path resource [application.yml] - 3:7): did you "
                        + "mean streamvane.kpi.service-level.sl-threshold?" + System.lineSeparator()
                        + "    streamvane.ingres.max-body-size");
        assertThat(analysis.getAction()).contains("Correct the spelling");
    }

    @Test
    void theSecuritySettingsBindWithTheirDefaults() {
        runner.run(context -> {
            SecurityProperties security = context.getBean(SecurityProperties.class);
            assertThat(security.apiKeys()).isEmpty();
            assertThat(security.accessRules()).isEmpty();
            assertThat(security.publicPaths()).containsExactly("/actuator/health", "/actuator/health/**", "/",
                    "/index.html", "/wallboard/**", "/error");
            assertThat(security.jwkSetTimeout()).isEqualTo(Duration.ofSeconds(5));
            assertThat(SettingsBinder.defaults(SecurityProperties.class)).isEqualTo(security);
        });
    }

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(SecurityProperties.class)
    static class Security {
    }
}
