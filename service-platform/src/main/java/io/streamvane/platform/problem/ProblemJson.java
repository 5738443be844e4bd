package io.streamvane.platform.problem;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;

/**
 * Writes a {@link Problems} problem as {@code application/problem+json} without going through MVC, for filters that
 * answer before a controller runs (security's 401/403, the wallboard stream's key check). Same members in the same
 * order as Spring MVC writes them: type, title, status, detail, instance, then the extension members.
 */
public final class ProblemJson {

    private ProblemJson() {
    }

    /** Writes the problem; {@code instance} is the problem's own when set, else the request URI. */
    public static void write(HttpServletRequest request, HttpServletResponse response, ProblemDetail problem)
            throws IOException {
        if (response.isCommitted()) {
            return;
        }
        response.setStatus(problem.getStatus());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.getWriter().write(json(problem, problem.getInstance() != null
                ? problem.getInstance().toString() : request.getRequestURI()));
    }

    static String json(ProblemDetail problem, String instance) {
        StringBuilder b = new StringBuilder("{\"type\":").append(quote(problem.getType().toString()))
                .append(",\"title\":").append(quote(problem.getTitle()))
                .append(",\"status\":").append(problem.getStatus());
        if (problem.getDetail() != null) {
            b.append(",\"detail\":").append(quote(problem.getDetail()));
        }
        if (instance != null) {
            b.append(",\"instance\":").append(quote(instance));
        }
        Map<String, Object> properties = problem.getProperties();
        if (properties != null) {
            properties.forEach((name, value) -> b.append(',').append(quote(name)).append(':')
                    .append(value instanceof Number || value instanceof Boolean ? value.toString()
                            : quote(String.valueOf(value))));
        }
        return b.append('}').toString();
    }

    static String quote(String s) {
        StringBuilder b = new StringBuilder(s.length() + 2).append('"');
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                default -> {
                    if (c < 0x20) {
                        b.append(String.format("\\u%04x", (int) c));
                    } else {
                        b.append(c);
                    }
                }
            }
        }
        return b.append('"').toString();
    }
}
