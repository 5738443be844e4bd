package io.streamvane.model.kpi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ServiceLevelPolicyTest {

    private static final Duration S15 = Duration.ofSeconds(15);
    private static final Duration S30 = Duration.ofSeconds(30);
    private static final Duration S45 = Duration.ofSeconds(45);
    private static final Duration S60 = Duration.ofSeconds(60);
    private static final Duration S90 = Duration.ofSeconds(90);

    @Test
    void withoutConfigurationTheSpecDefaultsApply() {
        assertThat(ServiceLevelPolicy.defaults().resolve("q-1", "voice")).isEqualTo(ServiceLevelSettings.DEFAULTS);
        assertThat(ServiceLevelSettings.DEFAULTS).isEqualTo(new ServiceLevelSettings(
                Duration.ofSeconds(20), Duration.ofSeconds(10), true, true, false));
    }

    @Test
    void globalOverrideReplacesOnlyTheFieldsItSets() {
        ServiceLevelPolicy p = ServiceLevelPolicy.builder()
                .global(ServiceLevelOverride.NONE.withIncludeFlowOuts(true))
                .build();
        assertThat(p.resolve("q-1", "voice"))
                .isEqualTo(new ServiceLevelSettings(Duration.ofSeconds(20), Duration.ofSeconds(10), true, true, true));
    }

    @Test
    void mediaTypeOverrideBeatsGlobal() {
        ServiceLevelPolicy p = ServiceLevelPolicy.builder()
                .global(ServiceLevelOverride.slThreshold(S15))
                .mediaType("email", ServiceLevelOverride.slThreshold(Duration.ofHours(4)))
                .build();
        assertThat(p.resolve("q-1", "EMAIL").slThreshold()).isEqualTo(Duration.ofHours(4));
        assertThat(p.resolve("q-1", "voice").slThreshold()).isEqualTo(S15);
    }

    @Test
    void syncedGenesysThresholdBeatsGlobalAndMediaTypeConfiguration() {
        ServiceLevelPolicy p = ServiceLevelPolicy.builder()
                .global(ServiceLevelOverride.slThreshold(S15))
                .mediaType("voice", ServiceLevelOverride.slThreshold(S30))
                .syncedThreshold("q-1", "voice", S45)
                .build();
        assertThat(p.resolve("q-1", "voice").slThreshold()).isEqualTo(S45);
        assertThat(p.resolve("q-2", "voice").slThreshold()).isEqualTo(S30);
    }

    @Test
    void explicitQueueConfigurationBeatsSyncedThreshold() {
        ServiceLevelPolicy p = ServiceLevelPolicy.builder()
                .syncedThreshold("q-1", "voice", S45)
                .queue("q-1", ServiceLevelOverride.slThreshold(S60))
                .build();
        assertThat(p.resolve("q-1", "voice").slThreshold()).isEqualTo(S60);
    }

    @Test
    void queueAndMediaTypeConfigurationBeatsQueueConfiguration() {
        ServiceLevelPolicy p = ServiceLevelPolicy.builder()
                .syncedThreshold("q-1", "chat", S45)
                .queue("q-1", ServiceLevelOverride.slThreshold(S60).withIncludeAbandons(false))
                .queueAndMediaType("q-1", "chat", ServiceLevelOverride.slThreshold(S90))
                .build();
        ServiceLevelSettings chat = p.resolve("q-1", "chat");
        assertThat(chat.slThreshold()).isEqualTo(S90);
        assertThat(chat.includeAbandons()).isFalse();
        assertThat(p.resolve("q-1", "voice").slThreshold()).isEqualTo(S60);
    }

    @Test
    void syncedThresholdDoesNotTouchTheOrgWideOptions() {
        ServiceLevelPolicy p = ServiceLevelPolicy.builder()
                .global(ServiceLevelOverride.NONE.withExcludeShortAbandons(false)
                        .withShortAbandonThreshold(Duration.ofSeconds(5)))
                .syncedThreshold("q-1", "voice", S45)
                .build();
        assertThat(p.resolve("q-1", "voice"))
                .isEqualTo(new ServiceLevelSettings(S45, Duration.ofSeconds(5), true, false, false));
    }

    @Test
    void queueSettingsKeyCallIsTheVoiceMediaType() {
        ServiceLevelPolicy p = ServiceLevelPolicy.builder().syncedThreshold("q-1", "call", S45).build();
        assertThat(p.resolve("q-1", "VOICE").slThreshold()).isEqualTo(S45);
    }

    @Test
    void resyncReplacesPreviouslySyncedThresholds() {
        ServiceLevelPolicy p = ServiceLevelPolicy.builder()
                .syncedThreshold("q-1", "voice", S45)
                .queue("q-2", ServiceLevelOverride.slThreshold(S60))
                .build()
                .withSyncedThresholds(Map.of(new QueueMedia("q-2", "voice"), S30));
        assertThat(p.resolve("q-1", "voice").slThreshold()).isEqualTo(Duration.ofSeconds(20));
        assertThat(p.resolve("q-2", "voice").slThreshold()).isEqualTo(S60);
    }

    @Test
    void missingQueueOrMediaTypeFallsBackToTheLayersThatDoNotNeedThem() {
        ServiceLevelPolicy p = ServiceLevelPolicy.builder()
                .global(ServiceLevelOverride.slThreshold(S15))
                .mediaType("voice", ServiceLevelOverride.slThreshold(S30))
                .queue("q-1", ServiceLevelOverride.slThreshold(S60))
                .build();
        assertThat(p.resolve(null, null).slThreshold()).isEqualTo(S15);
        assertThat(p.resolve(null, "voice").slThreshold()).isEqualTo(S30);
        assertThat(p.resolve("q-1", null).slThreshold()).isEqualTo(S60);
    }

    @Test
    void negativeThresholdsAreRejected() {
        assertThatIllegalArgumentException().isThrownBy(() -> ServiceLevelOverride.slThreshold(Duration.ofSeconds(-1)));
        assertThatIllegalArgumentException().isThrownBy(
                () -> ServiceLevelPolicy.builder().syncedThreshold("q", "voice", Duration.ofMillis(-1)));
    }
}
