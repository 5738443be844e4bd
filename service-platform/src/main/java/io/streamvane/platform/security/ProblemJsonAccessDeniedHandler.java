package io.streamvane.platform.security;

import io.streamvane.platform.problem.ProblemJson;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.web.access.AccessDeniedHandler;

/**
 * 403 as problem+json, {@code reason} {@code insufficient-scope}: the caller is known but its scopes do not cover this
 * endpoint.
 */
final class ProblemJsonAccessDeniedHandler implements AccessDeniedHandler {

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException e)
            throws IOException {
        ProblemJson.write(request, response, SecurityProblems.insufficientScope(
                "The credentials sent do not carry the scope this endpoint requires."));
    }
}
