package io.streamvane.egress.api;

import io.streamvane.egress.intervals.QueueIntervals;
import io.streamvane.egress.intervals.QueueIntervals.Series;
import io.streamvane.model.kpi.ZonedBuckets;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.context.request.WebRequest;

@RestController
@RequestMapping("/api/v1/queues")
@Tag(name = "Queues", description = "Queue interval KPIs and real-time state (SPEC §3.1)")
class QueueController {

    private final QueueReader queues;
    private final QueueIntervals intervals;
    private final JdbcTemplate jdbc;

    QueueController(QueueReader queues, QueueIntervals intervals, JdbcTemplate jdbc) {
        this.queues = queues;
        this.intervals = intervals;
        this.jdbc = jdbc;
    }

    @GetMapping
    @Operation(summary = "Known queues with their media types")
    List<QueueSummary> queues() {
        return queues.queues();
    }

    @GetMapping("/{queueId}/intervals")
    @Operation(summary = "Interval rows of a queue in [from, to)", description = """
            Rows per media type and bucket whose start lies in the half-open range [from, to). Coarser granularities
            are sums of the stored PT15M buckets, in local hours, days, ISO weeks and months of the queue's site time
            zone or of `timeZone` (a local day lasts 23 or 25 hours across a DST change; an hour that repeats is two
            rows); intervalStart and intervalEnd carry that zone's offset. A bucket without data is returned with
            zeros when the queue has at least one row for that media type. Derived values use the queue's
            service-level settings and are null when their denominator is 0. A row is final once the finality
            watermark has passed its end and every stored bucket inside it is final. At most `limit` rows per
            response; a `Link: <...>; rel="next"` header gives the next page. [from, to) may span at most 400 days at
            PT15M, PT30M and PT1H and 3660 days at P1D, P7D and P1M; a longer range is 400 problem+json with `reason`
            `span-too-large` (split it into several requests); a `timeZone` that is not an IANA name, or whose
            offsets are not whole stored buckets, is 400 with `reason` `invalid-time-zone`.
            Responses carry a weak ETag; send it back in If-None-Match to get 304 when unchanged.""")
    ResponseEntity<List<QueueIntervalRow>> intervals(
            @PathVariable String queueId,
            @Parameter(description = "inclusive start, ISO-8601", example = "2025-01-01T00:00:00Z")
            @RequestParam Instant from,
            @Parameter(description = "exclusive end, ISO-8601; at most 400 days after from (3660 at P1D)",
                    example = "2025-01-02T00:00:00Z")
            @RequestParam Instant to,
            @Parameter(description = "PT15M (default), PT30M, PT1H, P1D, P7D (ISO week from Monday) or P1M",
                    example = "PT1H")
            @RequestParam(required = false) String granularity,
            @Parameter(description = "IANA time zone whose local hours, days, weeks and months the rows are; the "
                    + "queue's site zone (streamvane.kpi) when absent", example = "Australia/Sydney")
            @RequestParam(required = false) String timeZone,
            @Parameter(description = "only this media type (voice, chat, ...)", example = "voice")
            @RequestParam(required = false) String mediaType,
            @Parameter(description = "rows per page, 1..10000, default 1000")
            @RequestParam(required = false) Integer limit,
            WebRequest request) {
        IntervalQuery query = IntervalQuery.of(from, to, granularity, timeZone, mediaType, limit, intervals.base());
        if (!queues.exists(queueId)) {
            throw NotFoundException.queue(queueId);
        }
        Page page = intervals.query(jdbc, read -> {
            List<Series> series = read.mediaTypes(queueId, query.mediaType()).stream()
                    .map(m -> new Series(queueId, m)).toList();
            ZonedBuckets calendar = query.calendar(read.zones().of(queueId));
            IntervalQuery.Page buckets = query.page(series.size(), calendar);
            if (series.isEmpty() || buckets.buckets().isEmpty()) {
                return new Page(List.of(), null);
            }
            return new Page(read.grid(series, buckets.buckets(), calendar).stream()
                    .map(QueueIntervalRow::of).toList(), buckets.nextFrom());
        });
        return Paging.respond(request, page.rows(), page.nextFrom());
    }

    /** One response's rows, and where the next page starts (null on the last). */
    private record Page(List<QueueIntervalRow> rows, Instant nextFrom) {
    }

    @GetMapping("/{queueId}/realtime")
    @Operation(summary = "Real-time state of a queue, per media type")
    List<QueueRealtime> realtime(@PathVariable String queueId) {
        if (!queues.exists(queueId)) {
            throw NotFoundException.queue(queueId);
        }
        return queues.realtime(queueId);
    }
}
