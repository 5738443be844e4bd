package io.streamvane.egress.delivery;

import io.streamvane.platform.problem.ProblemAdvice;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * The sinks' admin API answers its errors as problem+json: {@code unknown-sink} (404) and {@code invalid-range}
 * (400) as {@link SinkAdminController} throws them, Spring's own (a missing or unreadable {@code from}) with theirs.
 */
@RestControllerAdvice(assignableTypes = SinkAdminController.class)
class SinkAdminProblems extends ProblemAdvice {
}
