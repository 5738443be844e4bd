package io.streamvane.ingress.config;

import io.streamvane.ingress.http.ApiKeyFilter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/** Puts the API-key check in front of {@code /api/*}; replace this bean when full authentication arrives. */
@Configuration(proxyBeanMethods = false)
public class ApiKeyConfiguration {

    private static final Logger log = LoggerFactory.getLogger(ApiKeyConfiguration.class);

    @Bean
    FilterRegistrationBean<ApiKeyFilter> apiKeyFilter(ApiKeyProperties properties) {
        if (properties.apiKeys().isEmpty()) {
            log.warn("no streamvane.security.api-keys configured: every /api request is refused with 401");
        }
        FilterRegistrationBean<ApiKeyFilter> registration =
                new FilterRegistrationBean<>(new ApiKeyFilter(properties.apiKeys()));
        registration.addUrlPatterns("/api/*");
        registration.setName("streamvaneApiKeyFilter");
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
        return registration;
    }
}
