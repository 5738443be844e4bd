package io.streamvane.platform.kpi;

import io.streamvane.model.kpi.AlertPolicy;
import io.streamvane.model.kpi.KpiSettings;
import io.streamvane.model.store.KpiSettingsStore;
import javax.sql.DataSource;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.sql.init.dependency.DependsOnDatabaseInitialization;
import org.springframework.context.annotation.Bean;

/**
 * The {@code streamvane.kpi} tree as one {@link KpiSettings} bean (and the wallboard's {@link AlertPolicy}), and
 * its publication to the store once the schema is migrated. Every service gets them through
 * {@code @EnableAutoConfiguration}.
 */
@AutoConfiguration(afterName = {
        "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration",
        "org.springframework.boot.flyway.autoconfigure.FlywayAutoConfiguration"})
@EnableConfigurationProperties(KpiProperties.class)
public class KpiSettingsAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    KpiSettings kpiSettings(KpiProperties properties) {
        return properties.toSettings();
    }

    /** {@code streamvane.kpi.thresholds}: presentation only, so bound here but not published (see KpiProperties). */
    @Bean
    @ConditionalOnMissingBean
    AlertPolicy alertPolicy(KpiProperties properties) {
        return properties.toAlertPolicy();
    }

    @Bean
    @ConditionalOnBean(DataSource.class)
    @ConditionalOnMissingBean
    @DependsOnDatabaseInitialization
    KpiSettingsPublication kpiSettingsPublication(DataSource dataSource, KpiSettings kpiSettings,
            ObjectProvider<KpiSettingsOwner> owner, @Value("${spring.application.name:streamvane}") String name) {
        return new KpiSettingsPublication(dataSource, kpiSettings,
                owner.getIfAvailable() != null ? KpiSettingsStore.Role.OWNER : KpiSettingsStore.Role.READER, name);
    }
}
