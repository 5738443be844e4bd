package io.streamvane.egress.api;

import io.streamvane.platform.problem.ProblemAdvice;
import io.streamvane.platform.problem.Problems;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * RFC 9457 problem+json for every error of the query API, each with a stable {@code reason} and the {@code type}
 * derived from it ({@link Problems}): ours, and Spring's own (missing or unreadable parameters, 400) via
 * {@link ProblemAdvice}.
 */
@RestControllerAdvice(basePackageClasses = ApiProblems.class)
class ApiProblems extends ProblemAdvice {

    @ExceptionHandler(InvalidQueryException.class)
    ProblemDetail invalid(InvalidQueryException e) {
        return Problems.of(HttpStatus.BAD_REQUEST, e.reason(), "Invalid query", e.getMessage());
    }

    /** A statement cancelled by {@code streamvane.egress.query.statement-timeout} (SQLState 57014). */
    @ExceptionHandler(QueryTimeoutException.class)
    ProblemDetail timedOut(QueryTimeoutException e) {
        return Problems.of(HttpStatus.SERVICE_UNAVAILABLE, "query-timeout", "Query timed out",
                "the query ran longer than streamvane.egress.query.statement-timeout; narrow it or try again later");
    }

    @ExceptionHandler(NotFoundException.class)
    ProblemDetail notFound(NotFoundException e) {
        return Problems.of(HttpStatus.NOT_FOUND, e.reason(), HttpStatus.NOT_FOUND.getReasonPhrase(), e.getMessage());
    }
}
