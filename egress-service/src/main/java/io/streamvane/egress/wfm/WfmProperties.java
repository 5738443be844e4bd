package io.streamvane.egress.wfm;

import io.streamvane.egress.delivery.AgentIntervalPayload;
import io.streamvane.egress.delivery.QueueIntervalPayload;
import io.streamvane.model.kpi.Granularity;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.ConstructorBinding;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/** The WFM HTTP feeds ({@code streamvane.egress.wfm.feeds[*]}); any number, each its own sink. */
@Validated
@ConfigurationProperties("streamvane.egress.wfm")
public record WfmProperties(@DefaultValue List<@Valid Feed> feeds) {

    public enum Format { JSON, CSV }

    /** Which rows a feed sends: queue intervals, or agent activity per interval (one agent, one interval a row). */
    public enum Rows {
        QUEUE(QueueIntervalPayload.FIELDS),
        AGENT(AgentIntervalPayload.FIELDS);

        private final List<String> fields;

        Rows(List<String> fields) {
            this.fields = fields;
        }

        /** The fields a row of this kind has, in order (what {@code columns} pick from). */
        public List<String> fields() {
            return fields;
        }
    }

    /**
     * One feed.
     *
     * @param name          sink name (cursor, deliveries, metrics tag, admin path)
     * @param url           receiver endpoint (POST)
     * @param granularity   PT15M or PT30M (any multiple of the stored base buckets, PT15M by default, works)
     * @param finalOnly     send a row only once final (and again when restated); else every revision
     * @param format        JSON (Standard Webhooks envelope) or CSV
     * @param columns       field mapping: output name and source field (see {@link Rows#fields()}) or a constant;
     *                      empty = every field under its own name
     * @param csv           CSV details
     * @param batchSize     rows per request; 1 makes webhook-id the row's payload id
     * @param signingSecret Standard Webhooks secret ({@code whsec_<base64>}); none = unsigned
     * @param headers       extra request headers, e.g. Authorization: Bearer ...
     * @param oauth2        OAuth2 client credentials towards the receiver (Authorization: Bearer from the token URI)
     * @param timeout       request timeout
     * @param zeroFill      also send, once final, a zero row for every queue x media type x interval without a
     *                      stored row (SPEC §3.3 "all intervals including zeros"); on by default; queue rows only
     * @param rows          QUEUE (default) or AGENT: agent activity per agent and interval (docs/push-sinks.md)
     */
    public record Feed(
            @NotBlank String name,
            @NotNull URI url,
            @DefaultValue("PT15M") Granularity granularity,
            @DefaultValue("false") boolean finalOnly,
            @DefaultValue("JSON") Format format,
            @DefaultValue List<Column> columns,
            @DefaultValue Csv csv,
            @Min(1) @Max(10_000) @DefaultValue("1") int batchSize,
            String signingSecret,
            @DefaultValue Map<String, String> headers,
            OAuth2 oauth2,
            @DefaultValue("30s") Duration timeout,
            @DefaultValue("true") boolean zeroFill,
            @DefaultValue("QUEUE") Rows rows) {

        @ConstructorBinding
        public Feed {
        }

        /** A queue feed. */
        public Feed(String name, URI url, Granularity granularity, boolean finalOnly, Format format,
                List<Column> columns, Csv csv, int batchSize, String signingSecret, Map<String, String> headers,
                OAuth2 oauth2, Duration timeout, boolean zeroFill) {
            this(name, url, granularity, finalOnly, format, columns, csv, batchSize, signingSecret, headers, oauth2,
                    timeout, zeroFill, Rows.QUEUE);
        }

        /** A feed with zero-fill on (the property default). */
        public Feed(String name, URI url, Granularity granularity, boolean finalOnly, Format format,
                List<Column> columns, Csv csv, int batchSize, String signingSecret, Map<String, String> headers,
                OAuth2 oauth2, Duration timeout) {
            this(name, url, granularity, finalOnly, format, columns, csv, batchSize, signingSecret, headers, oauth2,
                    timeout, true, Rows.QUEUE);
        }
    }

    /** One output column: {@code field} from the row, or the constant {@code value}. */
    public record Column(String name, String field, String value) {
    }

    public record Csv(@DefaultValue("true") boolean header, @DefaultValue(",") String separator) {
    }

    public record OAuth2(URI tokenUri, String clientId, String clientSecret, String scope) {
    }
}
