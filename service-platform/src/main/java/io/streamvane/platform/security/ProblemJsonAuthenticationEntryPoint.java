package io.streamvane.platform.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;

/** 401 as problem+json. The detail says what was wrong with the credentials, never what they were. */
final class ProblemJsonAuthenticationEntryPoint implements AuthenticationEntryPoint {

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException e)
            throws IOException {
        boolean invalid = e instanceof BadCredentialsException || e instanceof OAuth2AuthenticationException;
        response.setHeader(HttpHeaders.WWW_AUTHENTICATE, invalid
                ? "Bearer realm=\"streamvane\", error=\"invalid_token\""
                : "Bearer realm=\"streamvane\"");
        ProblemResponses.write(request, response, HttpStatus.UNAUTHORIZED, invalid
                ? "The credentials sent are not valid."
                : "Credentials are required: send an API key in X-API-Key or a token in Authorization: Bearer.");
    }
}
