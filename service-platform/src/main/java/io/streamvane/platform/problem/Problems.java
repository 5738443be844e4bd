package io.streamvane.platform.problem;

import java.net.URI;
import java.util.Map;
import java.util.regex.Pattern;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * Builds the problems every service answers: {@code type} = {@value #TYPE_BASE}{@code <reason>}, a title, the status,
 * a detail and the {@code reason} code, so a client reads {@code reason} (or {@code type}) the same way everywhere.
 * Reasons are stable kebab-case codes ({@code malformed-json}, {@code span-too-large}): never rename one.
 */
public final class Problems {

    /** Where problem types live: ingress has answered {@code https://streamvane.io/problems/<reason>} from day one. */
    public static final String TYPE_BASE = "https://streamvane.io/problems/";
    /** The extension member that carries the reason code. */
    public static final String REASON = "reason";

    private static final Pattern KEBAB = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");

    private Problems() {
    }

    /** A problem with every member but {@code instance}, which Spring MVC sets to the request path as it writes it. */
    public static ProblemDetail of(HttpStatusCode status, String reason, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(title);
        return withReason(problem, reason);
    }

    /**
     * The same problem thrown, for a handler whose return type is the success body: any {@code ProblemAdvice} (and
     * Spring MVC's own {@code ResponseEntityExceptionHandler}) answers it as it is.
     */
    public static ErrorResponseException exception(HttpStatusCode status, String reason, String title,
            String detail) {
        return new ErrorResponseException(status, of(status, reason, title, detail), null);
    }

    /** Gives a problem Spring built (title, detail and instance kept) the reason and the type derived from it. */
    public static ProblemDetail withReason(ProblemDetail problem, String reason) {
        problem.setType(type(reason));
        problem.setProperty(REASON, reason);
        return problem;
    }

    /** {@value #TYPE_BASE}{@code <reason>}. */
    public static URI type(String reason) {
        if (reason == null || !KEBAB.matcher(reason).matches()) {
            throw new IllegalArgumentException("a problem reason is a kebab-case code, not '" + reason + "'");
        }
        return URI.create(TYPE_BASE + reason);
    }

    /** The reason a problem carries, or null. */
    public static String reason(ProblemDetail problem) {
        Map<String, Object> properties = problem.getProperties();
        return properties == null ? null : (String) properties.get(REASON);
    }
}
