package io.streamvane.ingress.config;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The API keys accepted on {@code /api/**} ({@code streamvane.security.api-keys}); none configured means every
 * request is refused. A stand-in until full authentication (scopes, hashed keys, JWT) arrives.
 */
@ConfigurationProperties("streamvane.security")
public record ApiKeyProperties(@DefaultValue List<String> apiKeys) {

    public ApiKeyProperties {
        apiKeys = apiKeys == null ? List.of() : apiKeys.stream().filter(key -> key != null && !key.isBlank()).toList();
    }

    @Override
    public String toString() {
        return "ApiKeyProperties[apiKeys=" + apiKeys.size() + " configured]";
    }
}
