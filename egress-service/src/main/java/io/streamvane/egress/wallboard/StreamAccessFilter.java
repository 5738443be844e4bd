package io.streamvane.egress.wallboard;

import io.streamvane.platform.problem.ProblemJson;
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
 * authenticated by the platform chain) or, here only, as {@code ?token=} from {@code POST /api/v1/wallboard/tokens}:
 * a browser's EventSource cannot send headers. A key in the URL is refused, whatever it is, so none is ever worth
 * finding in an access log. The stream's owner (the credential's name, for its quota) goes to the controller as the
 * request attribute {@link #OWNER}. Refusals are the platform's {@link SecurityProblems}.
 */
class StreamAccessFilter extends OncePerRequestFilter {

    static final String TOKEN_PARAMETER = "token";
    static final String OWNER = "io.streamvane.egress.wallboard.owner";
    private static final URI INSTANCE = URI.create("/wallboard/stream");

    private final StreamTokens tokens;

    StreamAccessFilter(StreamTokens tokens) {
        this.tokens = tokens;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication caller = SecurityContextHolder.getContext().getAuthentication();
        if (hasRead(caller)) {
            request.setAttribute(OWNER, caller.getName());
            chain.doFilter(request, response);
            return;
        }
        if (request.getParameter("key") != null) {
            refuse(request, response, SecurityProblems.invalidCredentials("Keys are not accepted in URLs. Open the "
                    + "page as /wallboard/#key=… (a fragment never leaves the browser), or exchange the key for a "
                    + "stream token at POST /api/v1/wallboard/tokens."));
            return;
        }
        String token = request.getParameter(TOKEN_PARAMETER);
        if (token == null || token.isBlank()) {
            refuse(request, response, SecurityProblems.credentialsRequired("The wallboard stream needs the read "
                    + "scope: X-API-Key, Authorization: Bearer, or ?token= from POST /api/v1/wallboard/tokens."));
            return;
        }
        Optional<String> owner = tokens.redeem(token);
        if (owner.isEmpty()) {
            refuse(request, response, SecurityProblems.invalidCredentials(
                    "The stream token is unknown, expired or used already: fetch a new one."));
            return;
        }
        request.setAttribute(OWNER, owner.get());
        chain.doFilter(request, response);
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
