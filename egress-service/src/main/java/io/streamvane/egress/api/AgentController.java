package io.streamvane.egress.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.context.request.WebRequest;

@RestController
@RequestMapping("/api/v1/agents")
@Tag(name = "Agents", description = "Agent interval KPIs and current state (SPEC §3.1)")
class AgentController {

    private final AgentReader agents;

    AgentController(AgentReader agents) {
        this.agents = agents;
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

    @GetMapping("/{userId}/state")
    @Operation(summary = "Current presence, routing status and active queues of an agent")
    AgentState state(@PathVariable String userId) {
        return agents.state(userId).orElseThrow(() -> NotFoundException.agent(userId));
    }
}
