package io.streamvane.egress.odata;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Locale;
import java.util.Optional;
import org.apache.olingo.commons.api.http.HttpStatusCode;
import org.apache.olingo.server.api.ODataApplicationException;
import org.apache.olingo.server.api.uri.queryoption.expression.Binary;
import org.apache.olingo.server.api.uri.queryoption.expression.Expression;
import org.apache.olingo.server.api.uri.queryoption.expression.Method;
import org.apache.olingo.server.api.uri.queryoption.expression.Unary;

/**
 * Bounds on a request's query options, so that neither Olingo's recursive-descent parser nor the recursive
 * translation into SQL can be driven deep enough to overflow the stack (1,500 nested parentheses do). The raw options
 * are checked before Olingo parses them: every option's nesting, since {@code $orderby}, {@code $expand} and
 * {@code $search} are parsed the same way; the parsed {@code $filter} tree before it is translated.
 */
final class QueryBounds {

    static final int MAX_FILTER_LENGTH = 4_000;
    static final int MAX_NESTING = 32;
    static final int MAX_FILTER_NODES = 100;

    private QueryBounds() {
    }

    /** Why the raw query string is refused before parsing, if it is. */
    static Optional<String> refusal(String rawQuery) {
        if (rawQuery == null) {
            return Optional.empty();
        }
        for (String part : rawQuery.split("&")) {
            int eq = part.indexOf('=');
            String name;
            String value;
            try {
                name = URLDecoder.decode(eq < 0 ? part : part.substring(0, eq), StandardCharsets.UTF_8);
                value = eq < 0 ? "" : URLDecoder.decode(part.substring(eq + 1), StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                return Optional.of("malformed percent-encoding in the query string");
            }
            if (name.equals("$filter") && value.length() > MAX_FILTER_LENGTH) {
                return Optional.of("$filter longer than " + MAX_FILTER_LENGTH + " characters");
            }
            if (nesting(value) > MAX_NESTING) {
                return Optional.of(name + " nested deeper than " + MAX_NESTING + " levels of parentheses");
            }
        }
        return Optional.empty();
    }

    /** Deepest parenthesis nesting outside string literals ({@code '...'}, a quote doubled inside). */
    private static int nesting(String value) {
        int depth = 0;
        int deepest = 0;
        boolean literal = false;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '\'') {
                literal = !literal;
            } else if (!literal && c == '(') {
                deepest = Math.max(deepest, ++depth);
            } else if (!literal && c == ')') {
                depth--;
            }
        }
        return deepest;
    }

    /** Refuses a parsed {@code $filter} of more than {@link #MAX_FILTER_NODES} nodes; counted without recursion. */
    static void checkFilter(Expression filter) throws ODataApplicationException {
        Deque<Expression> open = new ArrayDeque<>();
        open.push(filter);
        int nodes = 0;
        while (!open.isEmpty()) {
            Expression e = open.pop();
            if (++nodes > MAX_FILTER_NODES) {
                throw new ODataApplicationException("$filter has more than " + MAX_FILTER_NODES
                        + " operators, properties and literals", HttpStatusCode.BAD_REQUEST.getStatusCode(),
                        Locale.ROOT);
            }
            if (e instanceof Binary b) {
                push(open, b.getLeftOperand());
                push(open, b.getRightOperand());
                if (b.getExpressions() != null) {
                    b.getExpressions().forEach(x -> push(open, x));
                }
            } else if (e instanceof Unary u) {
                push(open, u.getOperand());
            } else if (e instanceof Method m && m.getParameters() != null) {
                m.getParameters().forEach(x -> push(open, x));
            }
        }
    }

    private static void push(Deque<Expression> open, Expression e) {
        if (e != null) {
            open.push(e);
        }
    }
}
