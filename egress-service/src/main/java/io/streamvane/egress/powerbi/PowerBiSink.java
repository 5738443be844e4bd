package io.streamvane.egress.powerbi;

import io.streamvane.egress.delivery.ClientCredentialsToken;
import io.streamvane.egress.delivery.Delivery;
import io.streamvane.egress.delivery.FeedShape;
import io.streamvane.egress.delivery.Outcome;
import io.streamvane.egress.delivery.RetryAfter;
import io.streamvane.egress.delivery.Sink;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Appends rows to a push dataset's table, creating the dataset when absent. One POST per batch (at most 10,000 rows)
 * and at most {@code postsPerMinute} POSTs in any sliding minute, counted here so the API's 429 is the exception;
 * a 429 is honoured through Retry-After. Push tables cannot update rows: a restatement appends a row with a higher
 * Revision, and reports pick the highest revision per key.
 */
public final class PowerBiSink implements Sink {

    static final String[][] COLUMNS = {
        {"Id", "id", "string"}, {"QueueId", "queueId", "string"}, {"QueueName", "queueName", "string"},
        {"MediaType", "mediaType", "string"}, {"IntervalStart", "intervalStart", "DateTime"},
        {"IntervalMinutes", "intervalMinutes", "Int64"}, {"Offered", "offered", "Int64"},
        {"Answered", "answered", "Int64"}, {"AnsweredWithinSl", "answeredWithinSl", "Int64"},
        {"Abandoned", "abandoned", "Int64"}, {"ShortAbandoned", "shortAbandoned", "Int64"},
        {"FlowOuts", "flowOuts", "Int64"}, {"AnswerWaitMs", "answerWaitMs", "Int64"},
        {"AbandonWaitMs", "abandonWaitMs", "Int64"}, {"Handled", "handled", "Int64"},
        {"HandleMs", "handleMs", "Int64"}, {"TalkMs", "talkMs", "Int64"}, {"HoldMs", "holdMs", "Int64"},
        {"AcwMs", "acwMs", "Int64"}, {"ServiceLevel", "serviceLevel", "Double"},
        {"AsaSeconds", "asaSeconds", "Double"}, {"AhtSeconds", "ahtSeconds", "Double"},
        {"AbandonRate", "abandonRate", "Double"}, {"SlThresholdSeconds", "slThresholdSeconds", "Double"},
        {"Revision", "revision", "Int64"}, {"IsFinal", "isFinal", "bool"}};

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final PowerBiProperties props;
    private final FeedShape shape;
    private final HttpClient http;
    private final Clock clock;
    private final ClientCredentialsToken token;
    private final Deque<Instant> recentPosts = new ArrayDeque<>();
    private String datasetId;

    public PowerBiSink(PowerBiProperties props, HttpClient http, Clock clock) {
        if (props.rowsPerPost() < 1 || props.rowsPerPost() > 10_000 || props.postsPerMinute() < 1
                || props.postsPerMinute() > 120) {
            throw new IllegalArgumentException("Power BI allows 1..10,000 rows per POST and 1..120 POSTs per minute");
        }
        this.props = props;
        this.shape = new FeedShape(props.granularity(), props.finalOnly());
        this.http = http;
        this.clock = clock;
        this.token = new ClientCredentialsToken(http, props.tokenUri(), props.clientId(), props.clientSecret(),
                props.scope(), clock);
    }

    @Override
    public String name() {
        return props.name();
    }

    @Override
    public FeedShape shape() {
        return shape;
    }

    @Override
    public int batchSize() {
        return props.rowsPerPost();
    }

    @Override
    public synchronized List<Outcome> send(List<Delivery> batch) throws Exception {
        Instant now = clock.instant();
        while (!recentPosts.isEmpty() && !recentPosts.peekFirst().isAfter(now.minusSeconds(60))) {
            recentPosts.pollFirst();
        }
        if (recentPosts.size() >= props.postsPerMinute()) {
            Duration wait = Duration.between(now, recentPosts.peekFirst().plusSeconds(60));
            return Outcome.all(batch.size(), new Outcome.Retry("local limit of " + props.postsPerMinute()
                    + " POSTs/min reached", wait));
        }
        String dataset = dataset();
        List<Map<String, Object>> rows = new ArrayList<>(batch.size());
        for (Delivery d : batch) {
            Map<String, Object> r = new LinkedHashMap<>();
            for (String[] c : COLUMNS) {
                r.put(c[0], d.row().get(c[1]));
            }
            rows.add(r);
        }
        recentPosts.addLast(now);
        HttpResponse<String> r = http.send(authorised(groupUri("/datasets/" + dataset + "/tables/"
                + URLEncoder.encode(props.table(), StandardCharsets.UTF_8).replace("+", "%20") + "/rows"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(Map.of("rows", rows)))).build(),
                HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() / 100 == 2) {
            return Outcome.all(batch.size(), Outcome.DELIVERED);
        }
        if (r.statusCode() == 404) {
            datasetId = null; // deleted meanwhile: recreate on the next attempt
        } else if (r.statusCode() == 401 || r.statusCode() == 403) {
            token.invalidate();
        }
        return Outcome.all(batch.size(), new Outcome.Retry("Power BI answered " + r.statusCode(),
                RetryAfter.parse(r.headers().firstValue("Retry-After"), clock)));
    }

    private String dataset() throws Exception {
        if (datasetId != null) {
            return datasetId;
        }
        HttpResponse<String> list = http.send(authorised(groupUri("/datasets")).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        if (list.statusCode() / 100 != 2) {
            throw new IllegalStateException("listing Power BI datasets answered " + list.statusCode());
        }
        for (JsonNode d : JSON.readTree(list.body()).path("value")) {
            if (props.datasetName().equals(d.path("name").asString())) {
                datasetId = d.path("id").asString();
                return datasetId;
            }
        }
        List<Map<String, String>> columns = new ArrayList<>();
        for (String[] c : COLUMNS) {
            columns.add(Map.of("name", c[0], "dataType", c[2]));
        }
        Map<String, Object> body = Map.of("name", props.datasetName(), "defaultMode", "Push",
                "tables", List.of(Map.of("name", props.table(), "columns", columns)));
        HttpResponse<String> created = http.send(authorised(groupUri("/datasets?defaultRetentionPolicy=None"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(body))).build(),
                HttpResponse.BodyHandlers.ofString());
        if (created.statusCode() / 100 != 2) {
            throw new IllegalStateException("creating Power BI dataset answered " + created.statusCode());
        }
        datasetId = JSON.readTree(created.body()).path("id").asString();
        return datasetId;
    }

    private URI groupUri(String path) {
        String base = props.apiBase().toString().replaceAll("/$", "");
        String group = props.groupId() == null || props.groupId().isBlank() ? "" : "/groups/" + props.groupId();
        return URI.create(base + group + path);
    }

    private HttpRequest.Builder authorised(URI uri) throws Exception {
        return HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(60))
                .header("Authorization", "Bearer " + token.get());
    }
}
