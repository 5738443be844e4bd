package io.streamvane.deploy;

import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The metric names a PromQL expression selects, found without a full parser: what is left once strings, label
 * matchers, ranges, grouping clauses, Grafana variables and numbers are removed, minus functions (a name before a
 * parenthesis) and keywords. Enough for dashboards and alert rules; a checker, not a validator.
 */
final class PromQl {

    private static final Pattern[] NOISE = {
            Pattern.compile("\"(?:[^\"\\\\]|\\\\.)*\"|'(?:[^'\\\\]|\\\\.)*'"),
            Pattern.compile("\\{[^}]*}"),
            Pattern.compile("\\[[^]]*]"),
            Pattern.compile("\\b(?:by|without|on|ignoring|group_left|group_right)\\s*\\([^)]*\\)"),
            Pattern.compile("\\$\\{?\\w+}?"),
            Pattern.compile("(?<![\\w:])\\d+(?:\\.\\d+)?(?:[eE][-+]?\\d+)?(?![\\w:])")};
    private static final Pattern NAME = Pattern.compile("(?<![\\w:])([a-zA-Z_:][\\w:]*)(\\s*\\()?");
    private static final Set<String> KEYWORDS = Set.of("and", "or", "unless", "bool", "offset", "by", "without",
            "on", "ignoring", "group_left", "group_right", "inf", "nan");

    private PromQl() {
    }

    static Set<String> metricNames(String expr) {
        String rest = expr;
        for (Pattern noise : NOISE) {
            rest = noise.matcher(rest).replaceAll(" ");
        }
        Set<String> names = new TreeSet<>();
        Matcher m = NAME.matcher(rest);
        while (m.find()) {
            if (m.group(2) == null && !KEYWORDS.contains(m.group(1).toLowerCase())) {
                names.add(m.group(1));
            }
        }
        return names;
    }
}
