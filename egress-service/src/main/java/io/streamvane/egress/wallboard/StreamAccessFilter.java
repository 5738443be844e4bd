package io.streamvane.egress.wallboard;

import io.streamvane.platform.problem.ProblemJson;
import io.streamvane.platform.security.ApiKeyStore;
import io.streamvane.platform.security.Scope;
import io.streamvane.platform.security.SecurityProblems;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.util.Optional;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ProblemDetail;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The page is public ({@code /wallboard/**} is a platform public path) but its data is not: the stream needs the
 * {@code read} scope, like {@code /api/v1}. Credentials come as everywhere (header key or bearer token, already
 * authenticated by the platform chain) or, here only, as {@code ?key=}: a browser's EventSource cannot send
 * headers, and a TV screen has no one to type a key. Registered for {@code /wallboard/stream} alone, so no other
 * path accepts a key in its URL. Refusals are the platform's {@link SecurityProblems}.
 */
class StreamAccessFilter extends OncePerRequestFilter {

    static final String KEY_PARAMETER = "key";
    private static final URI INSTANCE = URI.create("/wallboard/stream");

    private final ApiKeyStore keys;

    StreamAccessFilter(ApiKeyStore keys) {
        this.keys = keys;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (hasRead(SecurityContextHolder.getContext().getAuthentication())) {
            chain.doFilter(request, response);
            return;
        }
        String key = request.getParameter(KEY_PARAMETER);
        if (key == null || key.isBlank()) {
            refuse(request, response, SecurityProblems.credentialsRequired("The wallboard stream needs a key with the "
                    + "read scope: in X-API-Key, Authorization: Bearer, or ?key= on the page URL."));
            return;
        }
        Optional<ApiKeyStore.ApiKeyPrincipal> principal = keys.authenticate(key);
        if (principal.isEmpty()) {
            refuse(request, response, SecurityProblems.invalidCredentials("The key in the URL is not valid."));
        } else if (!principal.get().scopes().contains(Scope.READ)) {
            refuse(request, response,
                    SecurityProblems.insufficientScope("The key in the URL does not carry the read scope."));
        } else {
            chain.doFilter(request, response);
        }
    }

    private static boolean hasRead(Authentication authentication) {
        return authentication != null && authentication.isAuthenticated() && authentication.getAuthorities().stream()
                .anyMatch(a -> Scope.READ.authority().equals(a.getAuthority()));
    }

    private static void refuse(HttpServletRequest request, HttpServletResponse response, ProblemDetail problem)
            throws IOException {
        if (problem.getStatus() == HttpServletResponse.SC_UNAUTHORIZED) {
            response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"streamvane\"");
        }
        // Fixed texts only: nothing from the request is echoed, not even its URI.
        problem.setInstance(INSTANCE);
        ProblemJson.write(request, response, problem);
    }
}
