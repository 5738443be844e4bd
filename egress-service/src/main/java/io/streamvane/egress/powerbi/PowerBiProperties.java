package io.streamvane.egress.powerbi;

import io.streamvane.model.kpi.Granularity;
import java.net.URI;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The Power BI push sink ({@code streamvane.egress.powerbi.*}); Entra ID client credentials for the token.
 *
 * @param rowsPerPost    at most 10,000 (the API's limit)
 * @param postsPerMinute at most 120 (the API's limit per dataset)
 */
@Validated
@ConfigurationProperties("streamvane.egress.powerbi")
public record PowerBiProperties(
        @DefaultValue("false") boolean enabled,
        @NotBlank @DefaultValue("powerbi") String name,
        @DefaultValue("https://api.powerbi.com/v1.0/myorg") URI apiBase,
        String groupId,
        @DefaultValue("Streamvane") String datasetName,
        @DefaultValue("QueueInterval") String table,
        URI tokenUri,
        String clientId,
        String clientSecret,
        @DefaultValue("https://analysis.windows.net/powerbi/api/.default") String scope,
        @NotNull @DefaultValue("PT15M") Granularity granularity,
        @DefaultValue("true") boolean finalOnly,
        @Min(1) @Max(10_000) @DefaultValue("10000") int rowsPerPost,
        @Min(1) @Max(120) @DefaultValue("120") int postsPerMinute) {
}
