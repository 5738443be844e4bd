package io.streamvane.engine.replay;

import io.streamvane.platform.problem.ProblemAdvice;
import io.streamvane.platform.problem.Problems;
import java.time.format.DateTimeParseException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * The replay endpoint's problem+json: {@code invalid-range} for an unreadable instant or {@code from >= to},
 * {@code unknown-replay} for a progress id never started, and Spring's own errors (a missing {@code from}) through
 * {@link ProblemAdvice}.
 */
@RestControllerAdvice(assignableTypes = ReplayEndpoint.class)
class ReplayProblems extends ProblemAdvice {

    static final String INVALID_RANGE = "invalid-range";
    static final String UNKNOWN_REPLAY = "unknown-replay";

    @ExceptionHandler({DateTimeParseException.class, IllegalArgumentException.class})
    ProblemDetail badRange(RuntimeException e) {
        return Problems.of(HttpStatus.BAD_REQUEST, INVALID_RANGE, "Invalid range", e.getMessage());
    }
}
