package io.streamvane.engine.replay;

import io.streamvane.platform.problem.Problems;
import java.net.URI;
import java.sql.SQLException;
import java.time.Instant;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Admin adapter: start a replay ({@code 202} with its id) and follow its progress. Errors: {@link ReplayProblems}. */
@RestController
@RequestMapping("/api/v1/admin/replay")
class ReplayEndpoint {

    private final ReplayService replay;

    ReplayEndpoint(ReplayService replay) {
        this.replay = replay;
    }

    /** The answer to a started replay. */
    record Started(long id, String progress) {
    }

    @PostMapping
    ResponseEntity<Started> start(@RequestParam String from, @RequestParam String to) throws SQLException {
        long id = replay.start(Instant.parse(from), Instant.parse(to));
        URI location = URI.create("/api/v1/admin/replay/" + id);
        return ResponseEntity.accepted().location(location).body(new Started(id, location.toString()));
    }

    @GetMapping("/{id}")
    ReplayService.Progress progress(@PathVariable long id) throws SQLException {
        return replay.progress(id).orElseThrow(() -> Problems.exception(HttpStatus.NOT_FOUND,
                ReplayProblems.UNKNOWN_REPLAY, "Unknown replay", "no replay with id " + id));
    }
}
