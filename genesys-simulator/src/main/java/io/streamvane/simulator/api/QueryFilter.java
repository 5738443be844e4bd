package io.streamvane.simulator.api;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import tools.jackson.databind.JsonNode;

/**
 * The analytics {@code filter}: {@code {type: and|or, clauses: [filter...], predicates: [{dimension, operator, value}]}}.
 * Only dimension predicates are modelled; property and metric predicates are refused rather than ignored, so a
 * client never gets a silently unfiltered answer.
 */
final class QueryFilter {

    private QueryFilter() {
    }

    static Predicate<Dimensioned> parse(JsonNode filter) {
        if (filter == null || filter.isMissingNode() || filter.isNull()) {
            return d -> true;
        }
        if (!filter.isObject()) {
            throw ApiError.badRequest("filter must be an object");
        }
        String type = filter.path("type").asString("and");
        boolean and = switch (type) {
            case "and" -> true;
            case "or" -> false;
            default -> throw ApiError.badRequest("filter type must be and|or, was " + type);
        };
        List<Predicate<Dimensioned>> parts = new ArrayList<>();
        for (JsonNode clause : filter.path("clauses")) {
            parts.add(parse(clause));
        }
        for (JsonNode predicate : filter.path("predicates")) {
            parts.add(predicate(predicate));
        }
        if (parts.isEmpty()) {
            return d -> true;
        }
        return and ? d -> parts.stream().allMatch(p -> p.test(d)) : d -> parts.stream().anyMatch(p -> p.test(d));
    }

    private static Predicate<Dimensioned> predicate(JsonNode node) {
        String type = node.path("type").asString("dimension");
        if (!"dimension".equals(type)) {
            throw ApiError.badRequest("the simulator supports dimension predicates only, not " + type);
        }
        String dimension = node.path("dimension").asString(null);
        if (dimension == null || dimension.isBlank()) {
            throw ApiError.badRequest("predicate without dimension");
        }
        String operator = node.path("operator").asString("matches");
        String value = node.path("value").asString(null);
        return switch (operator) {
            case "matches" -> {
                if (value == null) {
                    throw ApiError.badRequest("matches predicate on " + dimension + " without value");
                }
                yield d -> value.equalsIgnoreCase(d.dimension(dimension));
            }
            case "exists" -> d -> d.dimension(dimension) != null;
            case "notExists" -> d -> d.dimension(dimension) == null;
            default -> throw ApiError.badRequest("unknown operator " + operator);
        };
    }
}
