package io.streamvane.platform.problem;

import java.util.Locale;
import org.springframework.beans.TypeMismatchException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Base of a service's {@code @RestControllerAdvice}: Spring MVC's own errors (a missing or unconvertible parameter,
 * an unreadable body, ...) as problem+json with a {@code reason} and its {@code type}, like the service's own
 * problems, and any {@link Problems#exception} answered as thrown. Subclasses scope themselves to their controllers
 * and add their {@code @ExceptionHandler}s.
 */
public abstract class ProblemAdvice extends ResponseEntityExceptionHandler {

    @Override
    protected ResponseEntity<Object> handleExceptionInternal(Exception ex, Object body, HttpHeaders headers,
            HttpStatusCode statusCode, WebRequest request) {
        ResponseEntity<Object> answer = super.handleExceptionInternal(ex, body, headers, statusCode, request);
        if (answer != null && answer.getBody() instanceof ProblemDetail problem && Problems.reason(problem) == null) {
            Problems.withReason(problem, reasonOf(ex, statusCode));
        }
        return answer;
    }

    /** The reason of one of Spring's errors: named for the common 400s, else the status's phrase in kebab case. */
    static String reasonOf(Exception ex, HttpStatusCode status) {
        if (ex instanceof MissingServletRequestParameterException) {
            return "missing-parameter";
        }
        if (ex instanceof TypeMismatchException || ex instanceof MethodArgumentNotValidException
                || ex instanceof HandlerMethodValidationException) {
            return "invalid-parameter";
        }
        if (ex instanceof HttpMessageNotReadableException) {
            return "unreadable-body";
        }
        if (ex instanceof HttpMediaTypeNotSupportedException) {
            return "unsupported-media-type";
        }
        HttpStatus known = HttpStatus.resolve(status.value());
        return known == null ? "http-" + status.value() : known.getReasonPhrase().toLowerCase(Locale.ROOT)
                .replaceAll("[^a-z0-9]+", "-").replaceAll("^-|-$", "");
    }
}
