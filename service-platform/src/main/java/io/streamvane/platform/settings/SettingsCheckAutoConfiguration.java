package io.streamvane.platform.settings;

import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.Environment;
import org.springframework.util.ClassUtils;

/**
 * Fails the start when the environment holds a {@code streamvane.*} key that no settings class takes
 * ({@link UnknownSettings}). It runs as a bean factory post-processor: after the configuration is read, before any
 * bean is created, so before the first connection to the store and before the settings records themselves bind and
 * validate.
 */
@AutoConfiguration
public class SettingsCheckAutoConfiguration {

    @Bean
    static BeanFactoryPostProcessor unknownSettingsCheck(Environment environment) {
        return beanFactory -> UnknownSettings.check((ConfigurableEnvironment) environment,
                beanFactory.getBeanClassLoader() != null ? beanFactory.getBeanClassLoader()
                        : ClassUtils.getDefaultClassLoader());
    }
}
