package io.streamvane.egress.api;

import java.net.URI;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * RFC 9457 problem+json for every error of the query API: Spring's own (missing or unreadable parameters, 400) via
 * {@link ResponseEntityExceptionHandler}, and ours, which carry a stable {@code reason} code.
 */
@RestControllerAdvice(basePackageClasses = ApiProblems.class)
class ApiProblems extends ResponseEntityExceptionHandler {

    /** The same problem-type base as ingress's answers, so a client reads {@code reason} the same way everywhere. */
    static final String TYPE_BASE = "https://streamvane.io/problems/";

    @ExceptionHandler(InvalidQueryException.class)
    ProblemDetail invalid(InvalidQueryException e) {
        ProblemDetail p = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.getMessage());
        p.setType(URI.create(TYPE_BASE + e.reason()));
        p.setTitle("Invalid query");
        p.setProperty("reason", e.reason());
        return p;
    }

    @ExceptionHandler(NotFoundException.class)
    ProblemDetail notFound(NotFoundException e) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, e.getMessage());
    }
}
