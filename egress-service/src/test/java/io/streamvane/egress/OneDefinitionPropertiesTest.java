package io.streamvane.egress;

import io.streamvane.model.kpi.Granularity;
import io.streamvane.model.kpi.IntervalComponents;
import io.streamvane.model.kpi.QueueMetric;
import io.streamvane.model.kpi.KpiSettings;
import io.streamvane.model.kpi.QueueMedia;
import io.streamvane.model.kpi.ServiceLevelLayers;
import io.streamvane.model.kpi.ServiceLevelOverride;
import io.streamvane.model.kpi.ServiceLevelSettings;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import org.assertj.core.api.SoftAssertions;
import tools.jackson.databind.JsonNode;

/**
 * Issue 16's acceptance: one stored definition, every surface alike. For random service-level layers (published as the
 * engine publishes them, with an optional synced Genesys threshold), random stored components in a few base buckets
 * of one queue × media type and a watermark, every surface that reports those buckets (REST at the base, PT1H and P1D,
 * OData, {@code reporting.queue_interval}, the WFM feeds at the base and PT1H, RabbitMQ, the wallboard) gives the same
 * components, ratios and finality, and those equal what SPEC §2 says, worked out here from the formulas with the layers
 * resolved field by field: defaults < global < media type < synced threshold (threshold only) < queue < queue and
 * media type. The options show in serviceLevel, the SL threshold in slThresholdSeconds (payloads, view, wallboard); the
 * thresholds were applied when the components were counted, so nothing else can show them. Ratios are compared
 * exactly: each is the double nearest to its exact quotient.
 */
class OneDefinitionPropertiesTest {

    private static final AtomicInteger TRY = new AtomicInteger();
    private static final String OTHER_QUEUE = "q-other";
    private static final List<String> MEDIA = List.of("voice", "chat", "email");
    private static final long SPEC_SL_THRESHOLD_MS = 20_000;
    private static final long SPEC_SHORT_ABANDON_MS = 10_000;
    private static final Duration HOUR = Duration.ofHours(1);
    private static final Duration DAY = Duration.ofDays(1);

    @AfterContainer
    static void stopApplications() {
        RunningEgress.closeAll();
    }

    // ---------------------------------------------------------------------------------------------------------------
    // What is generated
    // ---------------------------------------------------------------------------------------------------------------

    /** One configured layer: a null field is unset and inherits from the layer below. */
    record Layer(Long slThresholdMs, Long shortAbandonThresholdMs, Boolean includeAbandons,
            Boolean excludeShortAbandons, Boolean includeFlowOuts) {

        ServiceLevelOverride toOverride() {
            return new ServiceLevelOverride(duration(slThresholdMs), duration(shortAbandonThresholdMs),
                    includeAbandons, excludeShortAbandons, includeFlowOuts);
        }

        private static Duration duration(Long ms) {
            return ms == null ? null : Duration.ofMillis(ms);
        }
    }

    /**
     * The layers of one try; null where a layer is absent. "this" is the queue and media type of the stored rows;
     * the others must not change them (but do decide the other tiles and series they name).
     */
    record Layers(Layer global, Layer media, Layer otherMedia, Layer queue, Layer otherQueue, Layer queueMedia,
            Layer queueOtherMedia, Layer otherQueueMedia, Long syncedMs, Long syncedOtherMediaMs) {
    }

    /** A stored base bucket {@code back} buckets before the current one. */
    record StoredBucket(int back, IntervalComponents components, int revision, boolean isFinal) {
    }

    @Provide
    Arbitrary<Granularity> bases() {
        return Arbitraries.of(Granularity.PT15M, Granularity.PT30M);
    }

    @Provide
    Arbitrary<String> mediaTypes() {
        return Arbitraries.of(MEDIA);
    }

    @Provide
    Arbitrary<Layers> layers() {
        Arbitrary<Layer> present = layer();
        Arbitrary<Layer> maybe = layer().injectNull(0.4);
        Arbitrary<Long> synced = Arbitraries.longs().between(0, 120_000).injectNull(0.5);
        return Combinators.combine(
                        Combinators.combine(present, maybe, maybe, maybe, maybe, maybe, maybe, maybe).as(java.util.Arrays::asList),
                        synced, synced)
                .as((l, s, so) -> new Layers(l.get(0), l.get(1), l.get(2), l.get(3), l.get(4), l.get(5), l.get(6),
                        l.get(7), s, so));
    }

    private static Arbitrary<Layer> layer() {
        Arbitrary<Long> ms = Arbitraries.longs().between(0, 120_000).injectNull(0.5);
        Arbitrary<Boolean> flag = Arbitraries.of(true, false).injectNull(0.5);
        return Combinators.combine(ms, ms, flag, flag, flag).as(Layer::new);
    }

    @Provide
    Arbitrary<List<StoredBucket>> buckets() {
        Arbitrary<Long> count = Arbitraries.longs().between(0, 40);
        Arbitrary<Long> small = Arbitraries.longs().between(0, 10);
        Arbitrary<Long> ms = Arbitraries.longs().between(0, 20_000_000);
        Arbitrary<long[]> counts = Combinators.combine(count, count, count, small, small, small)
                .as((offered, answered, withinSl, abandoned, shortAbandoned, flowOuts) -> new long[] {offered,
                        answered, Math.min(withinSl, answered), abandoned, Math.min(shortAbandoned, abandoned),
                        flowOuts});
        Arbitrary<long[]> sums = Combinators.combine(ms, ms, count, ms, ms, ms, ms)
                .as((answerWait, abandonWait, handled, handle, talk, hold, acw) -> new long[] {answerWait,
                        abandonWait, handled, handle, talk, hold, acw});
        Arbitrary<IntervalComponents> components = Combinators.combine(counts, sums).as((c, s) ->
                IntervalComponents.builder().offered(c[0]).answered(c[1]).answeredWithinSl(c[2]).abandoned(c[3])
                        .shortAbandoned(c[4]).flowOuts(c[5]).answerWaitMs(s[0]).abandonWaitMs(s[1]).handled(s[2])
                        .handleMs(s[3]).talkMs(s[4]).holdMs(s[5]).acwMs(s[6]).build());
        return Combinators.combine(Arbitraries.integers().between(0, 7), components,
                        Arbitraries.integers().between(1, 5), Arbitraries.of(true, false))
                .as(StoredBucket::new)
                .list().ofMinSize(2).ofMaxSize(4).uniqueElements(StoredBucket::back);
    }

    /** The watermark (lateness already subtracted), in minutes from the start of the current base bucket. */
    @Provide
    Arbitrary<Integer> watermarks() {
        return Arbitraries.integers().between(-240, 30);
    }

    // ---------------------------------------------------------------------------------------------------------------
    // The property
    // ---------------------------------------------------------------------------------------------------------------

    @Property(tries = 30)
    void everySurfaceReportsTheStoredComponentsWithTheSpecKpisUnderTheLayeredSettings(
            @ForAll("bases") Granularity base, @ForAll("mediaTypes") String media, @ForAll("layers") Layers layers,
            @ForAll("buckets") List<StoredBucket> stored, @ForAll("watermarks") int watermarkMinutes)
            throws Exception {
        RunningEgress egress = RunningEgress.at(base);
        String queue = "q-" + TRY.incrementAndGet();
        String otherMedia = MEDIA.get((MEDIA.indexOf(media) + 1) % MEDIA.size());
        Duration length = base.duration();
        // Rows sit just behind the app's own "now"; every wallboard expectation below follows its snapshot's asOf.
        Instant current = floor(egress.now(), length);
        Instant watermark = current.plus(Duration.ofMinutes(watermarkMinutes));
        Map<Instant, StoredBucket> rows = new HashMap<>();
        stored.forEach(b -> rows.put(current.minus(length.multipliedBy(b.back())), b));
        Expectation expect = new Expectation(rows, length, watermark, resolve(layers, false),
                resolve(layers, true));

        egress.forgetReceived();
        egress.write(c -> {
            egress.reset(c, layers(layers, queue, media, otherMedia));
            RunningEgress.exec(c, "INSERT INTO queue (queue_id, name) VALUES (?, ?)", queue, "Queue " + queue);
            if (layers.syncedMs() != null) {
                RunningEgress.exec(c, "INSERT INTO queue_media_sl (queue_id, media_type, sl_threshold_ms) "
                        + "VALUES (?, ?, ?)", queue, media, layers.syncedMs());
            }
            if (layers.syncedOtherMediaMs() != null) {
                RunningEgress.exec(c, "INSERT INTO queue_media_sl (queue_id, media_type, sl_threshold_ms) "
                        + "VALUES (?, ?, ?)", queue, otherMedia, layers.syncedOtherMediaMs());
            }
            RunningEgress.exec(c, "INSERT INTO watermark (source, max_event_time, watermark) VALUES ('test', ?, ?)",
                    ts(watermark.plus(KpiSettings.DEFAULTS.allowedLateness())), ts(watermark));
            for (var e : rows.entrySet()) {
                egress.storeRow(c, queue, media, e.getKey(), e.getValue().components(), e.getValue().revision(),
                        e.getValue().isFinal());
            }
            for (var e : rows.entrySet()) {
                egress.logChange(c, queue, media, e.getKey(), e.getValue().revision(), e.getValue().isFinal());
            }
        });
        Instant written = egress.now();

        Instant first = rows.keySet().stream().min(Comparator.naturalOrder()).orElseThrow();
        Instant last = rows.keySet().stream().max(Comparator.naturalOrder()).orElseThrow();
        Instant from = floor(first, HOUR);
        Instant to = floor(last, HOUR).plus(HOUR);
        Instant fromDay = floor(first, DAY);
        Instant toDay = floor(last, DAY).plus(DAY);
        List<Instant> storedStarts = new ArrayList<>(new TreeSet<>(rows.keySet()));
        List<Instant> storedHours = storedStarts.stream().map(s -> floor(s, HOUR)).distinct().toList();
        Predicate<JsonNode> ours = n -> queue.equals(n.path("queueId").asString())
                && media.equals(n.path("mediaType").asString());

        SoftAssertions softly = new SoftAssertions();

        // REST: every bucket of [from, to), zero-filled, at the base, PT1H and P1D.
        String rest = "/api/v1/queues/" + queue + "/intervals?from=" + from + "&to=" + to + "&granularity=";
        softly.assertThat(figures(egress.get(rest + base.name()), OneDefinitionPropertiesTest::fromJson))
                .as("REST rows at %s", base).isEqualTo(expect.grid(from, to, length));
        softly.assertThat(figures(egress.get(rest + "PT1H"), OneDefinitionPropertiesTest::fromJson))
                .as("REST rows at PT1H").isEqualTo(expect.grid(from, to, HOUR));
        softly.assertThat(figures(egress.get("/api/v1/queues/" + queue + "/intervals?from=" + fromDay + "&to="
                        + toDay + "&granularity=P1D"), OneDefinitionPropertiesTest::fromJson))
                .as("REST rows at P1D").isEqualTo(expect.grid(fromDay, toDay, DAY));

        // OData: the stored base rows.
        JsonNode odata = egress.get("/odata/QueueIntervals?$filter=queueId%20eq%20'" + queue
                + "'&$orderby=intervalStart");
        softly.assertThat(figures(odata.get("value"), OneDefinitionPropertiesTest::fromJson))
                .as("OData QueueIntervals").isEqualTo(expect.each(storedStarts, length));

        // reporting.queue_interval: the stored base rows, in snake_case.
        List<Map<String, Object>> sql = egress.sql(
                "SELECT * FROM reporting.queue_interval WHERE queue_id = ? ORDER BY interval_start", queue);
        softly.assertThat(sql.stream().map(OneDefinitionPropertiesTest::fromSql).toList())
                .as("reporting.queue_interval").isEqualTo(expect.each(storedStarts, length));
        for (Map<String, Object> r : sql) {
            softly.assertThat((BigDecimal) r.get("sl_threshold_seconds"))
                    .as("reporting.queue_interval sl_threshold_seconds at %s", r.get("interval_start"))
                    .isEqualByComparingTo(seconds(expect.settings().slThresholdMs()));
        }

        // The push sinks, as their receivers got them.
        List<JsonNode> wfmBase = egress.wfmRows(RunningEgress.BASE_FEED, ours, storedStarts.size());
        List<JsonNode> wfmHourly = egress.wfmRows(RunningEgress.HOURLY_FEED, ours, storedHours.size());
        List<JsonNode> rabbit = egress.rabbitRows(ours, storedStarts.size());
        checkPayloads(softly, "WFM feed at " + base, wfmBase, expect.each(storedStarts, length), expect);
        checkPayloads(softly, "WFM feed at PT1H", wfmHourly, expect.each(storedHours, HOUR), expect);
        checkPayloads(softly, "RabbitMQ at " + base, rabbit, expect.each(storedStarts, length), expect);

        // The wallboard: the tile's current interval, today and the bars up to now, relative to its own clock.
        JsonNode snapshot = egress.wallboardSnapshot(written);
        Instant asOf = Instant.parse(snapshot.get("asOf").asString());
        Instant now = floor(asOf, length);
        Instant today = floor(asOf, DAY);
        JsonNode tile = tile(snapshot, queue, media);
        softly.assertThat(tile).as("wallboard tile %s|%s", queue, media).isNotNull();
        if (tile != null) {
            softly.assertThat(period(tile.get("current"))).as("wallboard current interval")
                    .isEqualTo(period(expect.bucket(now, length)));
            softly.assertThat(period(tile.get("today"))).as("wallboard today")
                    .isEqualTo(period(expect.bucket(today, DAY)));
            List<Point> bars = new ArrayList<>();
            for (Instant t = today; !t.isAfter(now); t = t.plus(length)) {
                bars.add(point(expect.bucket(t, length)));
            }
            softly.assertThat(stream(tile.get("intervals")).map(OneDefinitionPropertiesTest::point).toList())
                    .as("wallboard bars").isEqualTo(bars);
            softly.assertThat(tile.get("slThresholdSeconds").doubleValue()).as("wallboard SL threshold")
                    .isEqualTo(expect.settings().slThresholdMs() / 1000.0);
        }
        JsonNode otherTile = tile(snapshot, queue, otherMedia);
        if (layers.syncedOtherMediaMs() != null) {
            softly.assertThat(otherTile).as("wallboard tile %s|%s (synced threshold only)", queue, otherMedia)
                    .isNotNull();
        }
        if (otherTile != null) {
            softly.assertThat(otherTile.get("slThresholdSeconds").doubleValue())
                    .as("wallboard SL threshold of %s|%s", queue, otherMedia)
                    .isEqualTo(expect.otherMediaSettings().slThresholdMs() / 1000.0);
        }
        softly.assertAll();
    }

    // ---------------------------------------------------------------------------------------------------------------
    // The expectation, from SPEC §2
    // ---------------------------------------------------------------------------------------------------------------

    /** The service-level settings of one queue × media type, every field decided. */
    record Settings(long slThresholdMs, long shortAbandonThresholdMs, boolean includeAbandons,
            boolean excludeShortAbandons, boolean includeFlowOuts) {
    }

    /**
     * The layers resolved field by field, strongest first: queue + media type, queue, the synced Genesys threshold
     * (the threshold only), media type, global, the SPEC defaults. {@code other}: for this queue and the other media.
     */
    static Settings resolve(Layers l, boolean other) {
        List<Layer> strongestFirst = new ArrayList<>();
        strongestFirst.add(other ? l.queueOtherMedia() : l.queueMedia());
        strongestFirst.add(l.queue());
        Layer synced = new Layer(other ? l.syncedOtherMediaMs() : l.syncedMs(), null, null, null, null);
        strongestFirst.add(synced);
        strongestFirst.add(other ? l.otherMedia() : l.media());
        strongestFirst.add(l.global());
        return new Settings(
                first(strongestFirst, Layer::slThresholdMs, SPEC_SL_THRESHOLD_MS),
                first(strongestFirst, Layer::shortAbandonThresholdMs, SPEC_SHORT_ABANDON_MS),
                first(strongestFirst, Layer::includeAbandons, true),
                first(strongestFirst, Layer::excludeShortAbandons, true),
                first(strongestFirst, Layer::includeFlowOuts, false));
    }

    private static <T> T first(List<Layer> layers, Function<Layer, T> field, T specDefault) {
        return layers.stream().filter(java.util.Objects::nonNull).map(field).filter(java.util.Objects::nonNull)
                .findFirst().orElse(specDefault);
    }

    /** What a surface reports for one bucket. */
    record Figures(Instant start, Instant end, IntervalComponents components, Double serviceLevel,
            Double asaSeconds, Double ahtSeconds, Double abandonRate, boolean isFinal, long revision) {
    }

    /**
     * The stored base rows by start, the watermark and the settings; every reported bucket derived from them by
     * SPEC §2 alone.
     */
    record Expectation(Map<Instant, StoredBucket> rows, Duration base, Instant watermark, Settings settings,
            Settings otherMediaSettings) {

        /** The bucket {@code [start, start + length)}: the sum of the stored base rows inside it. */
        Figures bucket(Instant start, Duration length) {
            Instant end = start.plus(length);
            List<Map.Entry<Instant, StoredBucket>> inside = rows.entrySet().stream()
                    .filter(e -> !e.getKey().isBefore(start) && e.getKey().isBefore(end)).toList();
            long[] sum = new long[QueueMetric.components().size()];
            long revision = 0;
            for (var e : inside) {
                long[] v = e.getValue().components().toArray();
                for (int i = 0; i < sum.length; i++) {
                    sum[i] += v[i];
                }
                revision += e.getValue().revision();
            }
            long offered = sum[0], answered = sum[1], withinSl = sum[2], abandoned = sum[3], shortAbandoned = sum[4],
                    flowOuts = sum[5], answerWaitMs = sum[6], handled = sum[8], handleMs = sum[9];
            IntervalComponents components = IntervalComponents.read(m -> sum[QueueMetric.components().indexOf(m)]);
            // serviceLevel = answeredWithinSl / (answered + abandoned − (excludeShortAbandons ? shortAbandoned : 0)
            // + (includeFlowOuts ? flowOuts : 0)), the abandoned terms dropped without includeAbandons; null at 0.
            long denominator = answered
                    + (settings.includeAbandons()
                            ? abandoned - (settings.excludeShortAbandons() ? shortAbandoned : 0) : 0)
                    + (settings.includeFlowOuts() ? flowOuts : 0);
            // Final: the watermark has reached the end and every stored row inside is final; a final stored row that
            // ends where the bucket ends shows the watermark reached that end when the row was marked.
            boolean allFinal = inside.stream().allMatch(e -> e.getValue().isFinal());
            boolean endReached = !watermark.isBefore(end)
                    || inside.stream().anyMatch(e -> e.getKey().plus(base).equals(end) && e.getValue().isFinal());
            return new Figures(start, end, components,
                    quotient(withinSl, denominator),
                    quotient(answerWaitMs, answered * 1000),
                    quotient(handleMs, handled * 1000),
                    quotient(abandoned, offered),
                    allFinal && endReached, revision);
        }

        /** Every bucket of {@code length} in {@code [from, to)}. */
        List<Figures> grid(Instant from, Instant to, Duration length) {
            List<Figures> all = new ArrayList<>();
            for (Instant t = from; t.isBefore(to); t = t.plus(length)) {
                all.add(bucket(t, length));
            }
            return all;
        }

        List<Figures> each(List<Instant> starts, Duration length) {
            return starts.stream().map(s -> bucket(s, length)).toList();
        }
    }

    /** The double nearest to {@code n / d} (both exact in a double), null when {@code d} is 0. */
    private static Double quotient(long n, long d) {
        return d == 0 ? null : (double) n / (double) d;
    }

    private static Instant floor(Instant t, Duration length) {
        long s = length.getSeconds();
        return Instant.ofEpochSecond(Math.floorDiv(t.getEpochSecond(), s) * s);
    }

    private static BigDecimal seconds(long ms) {
        return BigDecimal.valueOf(ms, 3);
    }

    // ---------------------------------------------------------------------------------------------------------------
    // Reading the surfaces
    // ---------------------------------------------------------------------------------------------------------------

    private static ServiceLevelLayers layers(Layers l, String queue, String media, String otherMedia) {
        Map<String, ServiceLevelOverride> byMedia = new HashMap<>();
        Map<String, ServiceLevelOverride> byQueue = new HashMap<>();
        Map<QueueMedia, ServiceLevelOverride> byBoth = new HashMap<>();
        put(byMedia, media, l.media());
        put(byMedia, otherMedia, l.otherMedia());
        put(byQueue, queue, l.queue());
        put(byQueue, OTHER_QUEUE, l.otherQueue());
        put(byBoth, new QueueMedia(queue, media), l.queueMedia());
        put(byBoth, new QueueMedia(queue, otherMedia), l.queueOtherMedia());
        put(byBoth, new QueueMedia(OTHER_QUEUE, media), l.otherQueueMedia());
        return new ServiceLevelLayers(l.global().toOverride().applyTo(ServiceLevelSettings.DEFAULTS), byMedia,
                byQueue, byBoth);
    }

    private static <K> void put(Map<K, ServiceLevelOverride> map, K key, Layer layer) {
        if (layer != null) {
            map.put(key, layer.toOverride());
        }
    }

    private static List<Figures> figures(JsonNode array, Function<JsonNode, Figures> row) {
        return stream(array).map(row).toList();
    }

    private static Stream<JsonNode> stream(JsonNode array) {
        if (array == null || !array.isArray()) {
            throw new AssertionError("not a JSON array: " + array);
        }
        return array.valueStream();
    }

    /** A row in the camelCase of SPEC §3.1 (REST, OData, the push payloads). */
    private static Figures fromJson(JsonNode n) {
        return new Figures(instant(n.get("intervalStart")), instant(n.get("intervalEnd")),
                IntervalComponents.builder().offered(count(n, "offered")).answered(count(n, "answered"))
                        .answeredWithinSl(count(n, "answeredWithinSl")).abandoned(count(n, "abandoned"))
                        .shortAbandoned(count(n, "shortAbandoned")).flowOuts(count(n, "flowOuts"))
                        .answerWaitMs(count(n, "answerWaitMs")).abandonWaitMs(count(n, "abandonWaitMs"))
                        .handled(count(n, "handled")).handleMs(count(n, "handleMs")).talkMs(count(n, "talkMs"))
                        .holdMs(count(n, "holdMs")).acwMs(count(n, "acwMs")).build(),
                ratio(n, "serviceLevel"), ratio(n, "asaSeconds"), ratio(n, "ahtSeconds"), ratio(n, "abandonRate"),
                flag(n, "final"), count(n, "revision"));
    }

    /** A row of {@code reporting.queue_interval} (SPEC §3.2: the row above in snake_case). */
    private static Figures fromSql(Map<String, Object> r) {
        return new Figures(((Timestamp) r.get("interval_start")).toInstant(),
                ((Timestamp) r.get("interval_end")).toInstant(),
                IntervalComponents.builder().offered(longOf(r, "offered")).answered(longOf(r, "answered"))
                        .answeredWithinSl(longOf(r, "answered_within_sl")).abandoned(longOf(r, "abandoned"))
                        .shortAbandoned(longOf(r, "short_abandoned")).flowOuts(longOf(r, "flow_outs"))
                        .answerWaitMs(longOf(r, "answer_wait_ms")).abandonWaitMs(longOf(r, "abandon_wait_ms"))
                        .handled(longOf(r, "handled")).handleMs(longOf(r, "handle_ms")).talkMs(longOf(r, "talk_ms"))
                        .holdMs(longOf(r, "hold_ms")).acwMs(longOf(r, "acw_ms")).build(),
                (Double) r.get("service_level"), (Double) r.get("asa_seconds"), (Double) r.get("aht_seconds"),
                (Double) r.get("abandon_rate"), (Boolean) r.get("is_final"), longOf(r, "revision"));
    }

    /** The push payload: the row of §3.1 plus isFinal (equal to final) and slThresholdSeconds, one per bucket. */
    private static void checkPayloads(SoftAssertions softly, String sink, List<JsonNode> rows, List<Figures> expected,
            Expectation expect) {
        List<JsonNode> sorted = rows.stream().sorted(Comparator.comparing(n -> instant(n.get("intervalStart"))))
                .toList();
        softly.assertThat(sorted.stream().map(OneDefinitionPropertiesTest::fromJson).toList()).as(sink)
                .isEqualTo(expected);
        for (JsonNode n : sorted) {
            softly.assertThat(flag(n, "isFinal")).as("%s isFinal at %s", sink, n.get("intervalStart"))
                    .isEqualTo(flag(n, "final"));
            softly.assertThat(n.get("slThresholdSeconds").decimalValue())
                    .as("%s slThresholdSeconds at %s", sink, n.get("intervalStart"))
                    .isEqualByComparingTo(seconds(expect.settings().slThresholdMs()));
        }
    }

    /** What a wallboard period shows of an interval row. */
    record Period(Instant start, Instant end, long offered, long answered, long abandoned, Double serviceLevel,
            Double asaSeconds, Double ahtSeconds, Double abandonRate, boolean isFinal, long revision) {
    }

    /** What a wallboard bar shows of a base interval. */
    record Point(Instant start, long offered, long answered, Double serviceLevel, boolean isFinal) {
    }

    private static Period period(Figures f) {
        IntervalComponents c = f.components();
        return new Period(f.start(), f.end(), c.offered(), c.answered(), c.abandoned(), f.serviceLevel(),
                f.asaSeconds(), f.ahtSeconds(), f.abandonRate(), f.isFinal(), f.revision());
    }

    private static Period period(JsonNode n) {
        if (n == null || n.isNull()) {
            return null;
        }
        return new Period(instant(n.get("start")), instant(n.get("end")), count(n, "offered"),
                count(n, "answered"), count(n, "abandoned"), ratio(n, "serviceLevel"), ratio(n, "asaSeconds"),
                ratio(n, "ahtSeconds"), ratio(n, "abandonRate"), flag(n, "final"), count(n, "revision"));
    }

    private static Point point(Figures f) {
        return new Point(f.start(), f.components().offered(), f.components().answered(), f.serviceLevel(),
                f.isFinal());
    }

    private static Point point(JsonNode n) {
        return new Point(instant(n.get("start")), count(n, "offered"), count(n, "answered"),
                ratio(n, "serviceLevel"), flag(n, "final"));
    }

    private static JsonNode tile(JsonNode snapshot, String queue, String media) {
        return stream(snapshot.get("tiles"))
                .filter(t -> queue.equals(t.path("queueId").asString()) && media.equals(t.path("mediaType").asString()))
                .findFirst().orElse(null);
    }

    private static long count(JsonNode n, String field) {
        JsonNode v = n.get(field);
        if (v == null || !v.isIntegralNumber()) {
            throw new AssertionError("no whole number " + field + " in " + n);
        }
        return v.longValue();
    }

    private static Double ratio(JsonNode n, String field) {
        JsonNode v = n.get(field);
        if (v == null) {
            throw new AssertionError("no " + field + " in " + n);
        }
        return v.isNull() ? null : v.doubleValue();
    }

    private static boolean flag(JsonNode n, String field) {
        JsonNode v = n.get(field);
        if (v == null || !v.isBoolean()) {
            throw new AssertionError("no boolean " + field + " in " + n);
        }
        return v.booleanValue();
    }

    private static Instant instant(JsonNode v) {
        if (v == null || !v.isString()) {
            throw new AssertionError("not an ISO-8601 instant: " + v);
        }
        return java.time.OffsetDateTime.parse(v.asString()).toInstant();
    }

    private static long longOf(Map<String, Object> row, String column) {
        return ((Number) row.get(column)).longValue();
    }

    private static Timestamp ts(Instant t) {
        return Timestamp.from(t);
    }
}
