package io.streamvane.ingress.http;

import io.streamvane.ingress.config.IngressProperties;
import io.streamvane.ingress.pipeline.StoreUnavailableException;
import io.streamvane.model.event.RejectionReason;
import io.streamvane.platform.problem.Problems;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * RFC 9457 answers of {@code POST /api/v1/events}, built by {@link Problems}: {@code type}
 * {@value Problems#TYPE_BASE}{reason}, title, status, detail and a stable {@code reason} code (the shared-model
 * {@link RejectionReason} codes, plus {@code unsupported-media-type} and {@code store-unavailable}).
 */
@RestControllerAdvice(assignableTypes = EventsController.class)
class EventsProblems {

    private static final Logger log = LoggerFactory.getLogger(EventsProblems.class);

    private final long retryAfterSeconds;

    EventsProblems(IngressProperties properties) {
        this.retryAfterSeconds = Math.max(1, properties.storeRetryAfter().toSeconds());
    }

    @ExceptionHandler(EventsController.UnreadableBodyException.class)
    ResponseEntity<ProblemDetail> unreadable(EventsController.UnreadableBodyException e) {
        HttpStatus status = RejectionReason.PAYLOAD_TOO_LARGE.code().equals(e.reason)
                ? HttpStatus.CONTENT_TOO_LARGE : HttpStatus.BAD_REQUEST;
        return problem(status, e.reason, "Unreadable body", e.getMessage());
    }

    @ExceptionHandler(BoundedBody.BodyTooLargeException.class)
    ResponseEntity<ProblemDetail> tooLarge(BoundedBody.BodyTooLargeException e) {
        return problem(HttpStatus.CONTENT_TOO_LARGE, RejectionReason.PAYLOAD_TOO_LARGE.code(), "Body too large",
                e.getMessage());
    }

    @ExceptionHandler(EventsController.UnsupportedContentTypeException.class)
    ResponseEntity<ProblemDetail> unsupported(EventsController.UnsupportedContentTypeException e) {
        ResponseEntity<ProblemDetail> problem = problem(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "unsupported-media-type",
                "Unsupported media type", e.getMessage() + "; send one of " + EventsController.ACCEPTED_TYPES
                        .stream().map(Object::toString).collect(Collectors.joining(", ")));
        return ResponseEntity.status(problem.getStatusCode())
                .header(HttpHeaders.ACCEPT, EventsController.ACCEPTED_TYPES.stream().map(Object::toString)
                        .collect(Collectors.joining(", ")))
                .body(problem.getBody());
    }

    @ExceptionHandler(StoreUnavailableException.class)
    ResponseEntity<ProblemDetail> storeUnavailable(StoreUnavailableException e) {
        log.warn("ingest refused, store unavailable: {}", e.getMessage());
        ResponseEntity<ProblemDetail> problem = problem(HttpStatus.SERVICE_UNAVAILABLE, "store-unavailable",
                "Store unavailable", "the events were not stored; retry later");
        return ResponseEntity.status(problem.getStatusCode())
                .header(HttpHeaders.RETRY_AFTER, Long.toString(retryAfterSeconds))
                .body(problem.getBody());
    }

    private static ResponseEntity<ProblemDetail> problem(HttpStatus status, String reason, String title,
                                                        String detail) {
        return ResponseEntity.status(status).body(Problems.of(status, reason, title, detail));
    }
}
