package io.streamvane.egress.delivery;

import java.net.URI;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A destination URI as logs and stored error texts may show it: scheme, host, port and path stay, user-info
 * ({@code amqp://user:pass@}), query ({@code ?code=} function keys, SAS signatures) and fragment become
 * {@value #MARKER}. Every sink URI that reaches a message goes through here.
 */
public final class RedactedUri {

    public static final String MARKER = "[redacted]";

    /** A URI in free text: a scheme, "://", then up to white space, a quote or a bracket. */
    private static final Pattern URI_IN_TEXT = Pattern.compile("[A-Za-z][A-Za-z0-9+.-]*://[^\\s\"'<>()\\[\\]{}]+");

    private RedactedUri() {
    }

    public static String of(URI uri) {
        if (uri == null) {
            return "null";
        }
        if (uri.isOpaque()) {
            return uri.getScheme() + ":" + MARKER;
        }
        return redact(uri.toString());
    }

    /** Every URI inside a text (an exception's message, an outcome's error) redacted, the rest unchanged. */
    public static String in(String text) {
        if (text == null || !text.contains("://")) {
            return text;
        }
        Matcher m = URI_IN_TEXT.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(redact(m.group())));
        }
        m.appendTail(out);
        return out.toString();
    }

    /** Works on the text, not a parsed URI, so a malformed one (which {@link URI} would refuse) is redacted too. */
    private static String redact(String uri) {
        int authorityStart = uri.indexOf("://");
        if (authorityStart < 0) {
            return uri;
        }
        authorityStart += 3;
        int end = firstOf(uri, "?#", authorityStart);
        int authorityEnd = firstOf(uri, "/?#", authorityStart);
        String authority = uri.substring(authorityStart, authorityEnd);
        int at = authority.lastIndexOf('@');
        StringBuilder b = new StringBuilder(uri.length()).append(uri, 0, authorityStart);
        b.append(at < 0 ? authority : MARKER + authority.substring(at));
        b.append(uri, authorityEnd, end);
        int fragment = uri.indexOf('#', end);
        if (end < uri.length() && uri.charAt(end) == '?') {
            b.append('?').append(MARKER);
        }
        if (fragment >= 0) {
            b.append('#').append(MARKER);
        }
        return b.toString();
    }

    /**
     * A copy of an exception chain fit for a log: each exception becomes one whose message is the original class name
     * and redacted message, with the original stack trace, so a logged stack shows where without showing a secret.
     */
    public static Throwable in(Throwable t) {
        return copy(t, 0);
    }

    private static Throwable copy(Throwable t, int depth) {
        if (t == null || depth > 20) {
            return null;
        }
        Redacted r = new Redacted(t.getClass().getName() + (t.getMessage() == null ? "" : ": " + in(t.getMessage())),
                copy(t.getCause(), depth + 1));
        r.setStackTrace(t.getStackTrace());
        return r;
    }

    /** An exception already redacted for a log (see {@link #in(Throwable)}). */
    static final class Redacted extends Exception {
        Redacted(String message, Throwable cause) {
            super(message, cause, false, true);
        }
    }

    private static int firstOf(String s, String chars, int from) {
        for (int i = from; i < s.length(); i++) {
            if (chars.indexOf(s.charAt(i)) >= 0) {
                return i;
            }
        }
        return s.length();
    }
}
