package io.streamvane.platform.security;

import io.streamvane.platform.problem.Problems;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

/**
 * The 401 and 403 problems, for the platform's handlers and for a service filter that checks credentials itself (the
 * wallboard stream's {@code ?token=}): title the status phrase, and one of three reasons.
 */
public final class SecurityProblems {

    /** 401: no credentials were sent. */
    public static final String CREDENTIALS_REQUIRED = "credentials-required";
    /** 401: the credentials sent are not accepted (unknown key, bad or expired token). */
    public static final String INVALID_CREDENTIALS = "invalid-credentials";
    /** 403: the caller is known but its scopes do not cover the endpoint. */
    public static final String INSUFFICIENT_SCOPE = "insufficient-scope";

    private SecurityProblems() {
    }

    public static ProblemDetail credentialsRequired(String detail) {
        return unauthorized(CREDENTIALS_REQUIRED, detail);
    }

    public static ProblemDetail invalidCredentials(String detail) {
        return unauthorized(INVALID_CREDENTIALS, detail);
    }

    public static ProblemDetail insufficientScope(String detail) {
        return Problems.of(HttpStatus.FORBIDDEN, INSUFFICIENT_SCOPE, HttpStatus.FORBIDDEN.getReasonPhrase(), detail);
    }

    private static ProblemDetail unauthorized(String reason, String detail) {
        return Problems.of(HttpStatus.UNAUTHORIZED, reason, HttpStatus.UNAUTHORIZED.getReasonPhrase(), detail);
    }
}
