package io.streamvane.egress.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.util.List;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

@RestController
@RequestMapping("/api/v1/agents")
@Tag(name = "Agents", description = "Agent interval KPIs and current state (SPEC §3.1)")
class AgentController {

    private final AgentReader agents;

    AgentController(AgentReader agents) {
        this.agents = agents;
    }

    @GetMapping("/intervals")
    @Operation(summary = "Interval rows of many agents in [from, to)",
            description = "Every agent with a stored row in the range, or the agents named by userId (repeatable); "
                    + "rows agent by agent, each agent's buckets zero-filled. Paged by time as the queue intervals: "
                    + "each page holds whole buckets of every agent (limit rows, or one bucket of every agent when "
                    + "there are more agents than limit), the next page is the "
                    + "Link rel=\"next\" header. Same range, granularity and time-zone rules as one agent's rows.")
    ResponseEntity<List<AgentIntervalRow>> intervalsOfAgents(
            @Parameter(example = "2025-01-01T00:00:00Z") @RequestParam Instant from,
            @Parameter(example = "2025-01-02T00:00:00Z") @RequestParam Instant to,
            @Parameter(example = "PT15M") @RequestParam(required = false) String granularity,
            @Parameter(example = "Europe/London") @RequestParam(required = false) String timeZone,
            @RequestParam(name = "userId", required = false) List<String> userIds,
            @RequestParam(required = false) Integer limit,
            WebRequest request) {
        IntervalQuery query = IntervalQuery.of(from, to, granularity, timeZone, null, limit, agents.base());
        List<String> users = userIds == null ? List.of() : userIds;
        users.stream().filter(u -> !agents.exists(u)).findFirst().ifPresent(u -> {
            throw NotFoundException.agent(u);
        });
        AgentReader.Result result = agents.intervals(users, query);
        return Paging.respond(request, result.rows(), result.nextFrom());
    }

    @GetMapping("/states")
    @Operation(summary = "Current state of every agent, or of the agents on a queue, in user order",
            description = "Pages of at most limit agents (default 500, at most 5000); the next page is the "
                    + "Link rel=\"next\" header (after = the last userId of this page).")
    ResponseEntity<List<AgentState>> states(
            @Parameter(description = "only agents with this queue among their active queues")
            @RequestParam(required = false) String queueId,
            @RequestParam(required = false) String after,
            @RequestParam(required = false) Integer limit) {
        int n = limit == null ? 500 : limit;
        if (n < 1 || n > 5000) {
            throw new InvalidQueryException(InvalidQueryException.INVALID_LIMIT, "limit must be between 1 and 5000: " + n);
        }
        List<AgentState> page = agents.states(queueId, after, n + 1);
        ResponseEntity.BodyBuilder response = ResponseEntity.ok();
        if (page.size() > n) {
            page = page.subList(0, n);
            response.header(HttpHeaders.LINK, "<" + ServletUriComponentsBuilder.fromCurrentRequest()
                    .replaceQueryParam("after", page.get(n - 1).userId()).build().toUriString() + ">; rel=\"next\"");
        }
        return response.body(page);
    }

    @GetMapping("/{userId}/intervals")
    @Operation(summary = "Interval rows of an agent in [from, to)",
            description = "Same range (at most 400 days, 3660 at P1D and coarser), granularity, time zone, zero-fill, "
                    + "paging and ETag rules as the queue intervals; without timeZone, the deployment's default zone.")
    ResponseEntity<List<AgentIntervalRow>> intervals(
            @PathVariable String userId,
            @Parameter(example = "2025-01-01T00:00:00Z") @RequestParam Instant from,
            @Parameter(example = "2025-01-02T00:00:00Z") @RequestParam Instant to,
            @Parameter(example = "PT1H") @RequestParam(required = false) String granularity,
            @Parameter(example = "Europe/London") @RequestParam(required = false) String timeZone,
            @RequestParam(required = false) Integer limit,
            WebRequest request) {
        IntervalQuery query = IntervalQuery.of(from, to, granularity, timeZone, null, limit, agents.base());
        if (!agents.exists(userId)) {
            throw NotFoundException.agent(userId);
        }
        AgentReader.Result result = agents.intervals(userId, query);
        return Paging.respond(request, result.rows(), result.nextFrom());
    }

    @GetMapping("/{userId}/queue-intervals")
    @Operation(summary = "An agent's work per queue and media type in [from, to)",
            description = "Handle components, alerts, not responding and transfers of the agent's own events, one "
                    + "series per queue and media type the agent has rows for (or only queueId), zero-filled; same "
                    + "range, granularity, time-zone and paging rules as the agent's intervals.")
    ResponseEntity<List<AgentQueueIntervalRow>> queueIntervals(
            @PathVariable String userId,
            @Parameter(example = "2025-01-01T00:00:00Z") @RequestParam Instant from,
            @Parameter(example = "2025-01-02T00:00:00Z") @RequestParam Instant to,
            @Parameter(example = "PT1H") @RequestParam(required = false) String granularity,
            @Parameter(example = "Europe/London") @RequestParam(required = false) String timeZone,
            @RequestParam(required = false) String queueId,
            @RequestParam(required = false) Integer limit,
            WebRequest request) {
        IntervalQuery query = IntervalQuery.of(from, to, granularity, timeZone, null, limit, agents.base());
        if (!agents.exists(userId)) {
            throw NotFoundException.agent(userId);
        }
        AgentReader.QueueResult result = agents.queueIntervals(userId, queueId, query);
        return Paging.respond(request, result.rows(), result.nextFrom());
    }

    @GetMapping("/{userId}/state")
    @Operation(summary = "Current presence, routing status and active queues of an agent")
    AgentState state(@PathVariable String userId) {
        return agents.state(userId).orElseThrow(() -> NotFoundException.agent(userId));
    }
}
