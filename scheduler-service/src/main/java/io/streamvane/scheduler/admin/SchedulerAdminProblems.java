package io.streamvane.scheduler.admin;

import io.streamvane.platform.problem.ProblemAdvice;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * The admin API answers its errors as problem+json: {@code unknown-job} (404) and {@code invalid-range} (400) as
 * {@link SchedulerAdminController} throws them, Spring's own (an unreadable body, a missing {@code from}) with theirs.
 */
@RestControllerAdvice(assignableTypes = SchedulerAdminController.class)
class SchedulerAdminProblems extends ProblemAdvice {
}
