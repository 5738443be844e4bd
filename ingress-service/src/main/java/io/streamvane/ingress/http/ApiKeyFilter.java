package io.streamvane.ingress.http;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Collection;
import java.util.List;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A minimal credential check: the request must carry one of the configured keys in {@code X-API-Key} or as
 * {@code Authorization: Bearer <key>}; else 401 problem+json. Keys are compared as SHA-256 digests in constant
 * time and never logged. Meant to be replaced wholesale by the full authentication (scopes, hashed keys, JWT).
 */
public final class ApiKeyFilter extends OncePerRequestFilter {

    static final String HEADER = "X-API-Key";
    private static final String BEARER = "Bearer ";
    private static final String UNAUTHORIZED = """
            {"type":"https://streamvane.io/problems/unauthorized","title":"Unauthorized","status":401,\
            "detail":"send a valid API key in X-API-Key or Authorization: Bearer","reason":"unauthorized"}""";

    private final List<byte[]> keyDigests;

    public ApiKeyFilter(Collection<String> apiKeys) {
        this.keyDigests = apiKeys.stream().map(ApiKeyFilter::sha256).toList();
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String presented = presentedKey(request);
        if (presented != null && isKnown(presented)) {
            chain.doFilter(request, response);
            return;
        }
        response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
        response.setHeader("WWW-Authenticate", "Bearer realm=\"streamvane\"");
        response.setContentType("application/problem+json");
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.getWriter().write(UNAUTHORIZED);
    }

    private static String presentedKey(HttpServletRequest request) {
        String key = request.getHeader(HEADER);
        if (key != null && !key.isBlank()) {
            return key.strip();
        }
        String authorization = request.getHeader("Authorization");
        if (authorization != null && authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            return authorization.substring(BEARER.length()).strip();
        }
        return null;
    }

    private boolean isKnown(String presented) {
        byte[] digest = sha256(presented);
        boolean known = false;
        for (byte[] candidate : keyDigests) {
            known |= MessageDigest.isEqual(candidate, digest);
        }
        return known;
    }

    private static byte[] sha256(String key) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform must provide SHA-256", e);
        }
    }
}
