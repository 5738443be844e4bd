package io.streamvane.platform.security;

import io.streamvane.platform.problem.ProblemJson;
import io.streamvane.platform.problem.Problems;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

/** Answers 429 to an address {@link FailedAuthentications} blocks, before any credential of it is looked at. */
final class AuthenticationThrottleFilter extends OncePerRequestFilter {

    static final String REASON = "too-many-failed-authentications";

    private final FailedAuthentications failures;
    private final Clock clock;

    AuthenticationThrottleFilter(FailedAuthentications failures, Clock clock) {
        this.failures = failures;
        this.clock = clock;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Optional<Instant> until = failures.blockedUntil(request.getRemoteAddr());
        if (until.isEmpty()) {
            chain.doFilter(request, response);
            return;
        }
        long seconds = Math.max(1, Duration.between(clock.instant(), until.get()).toSeconds() + 1);
        response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
        ProblemJson.write(request, response, Problems.of(HttpStatus.TOO_MANY_REQUESTS, REASON,
                HttpStatus.TOO_MANY_REQUESTS.getReasonPhrase(),
                "Too many refused credentials from this address: try again after the Retry-After seconds."));
    }
}
