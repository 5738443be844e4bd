package io.streamvane.platform.security;

import io.streamvane.platform.problem.ProblemJson;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.HttpHeaders;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;

/**
 * 401 as problem+json, {@code reason} {@code credentials-required} (none sent) or {@code invalid-credentials}. The
 * detail says what was wrong with the credentials, never what they were. Refused credentials are counted per client
 * address in {@link FailedAuthentications}.
 */
final class ProblemJsonAuthenticationEntryPoint implements AuthenticationEntryPoint {

    private final FailedAuthentications failures;

    ProblemJsonAuthenticationEntryPoint(FailedAuthentications failures) {
        this.failures = failures;
    }

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException e)
            throws IOException {
        boolean invalid = e instanceof BadCredentialsException || e instanceof OAuth2AuthenticationException;
        if (invalid) {
            failures.refused(request.getRemoteAddr(), e instanceof BadCredentialsException ? "API key not accepted"
                    : "bearer token not accepted");
        }
        response.setHeader(HttpHeaders.WWW_AUTHENTICATE, invalid
                ? "Bearer realm=\"streamvane\", error=\"invalid_token\""
                : "Bearer realm=\"streamvane\"");
        ProblemJson.write(request, response, invalid
                ? SecurityProblems.invalidCredentials("The credentials sent are not valid.")
                : SecurityProblems.credentialsRequired(
                        "Credentials are required: send an API key in X-API-Key or a token in Authorization: Bearer."));
    }
}
