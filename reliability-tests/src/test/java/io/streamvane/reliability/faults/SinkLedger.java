package io.streamvane.reliability.faults;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * Everything one push sink delivered, by payload id, checked against the store: a payload id seen twice must carry
 * the same body (identical duplicates only), and for every stored row the sink must hold that row at its stored
 * revision with the stored components (final-only sinks: every final row). A row the store does not have may only be
 * a zero-fill row (revision 0, all components zero).
 */
final class SinkLedger {

    /** The outcome for one sink, printed in the test's figures. */
    record Verdict(String sink, int messages, int distinctIds, int duplicates, int differingDuplicates,
            int rowsCompared, int zeroRows, List<String> missing, List<String> wrong) {

        boolean clean() {
            return differingDuplicates == 0 && missing.isEmpty() && wrong.isEmpty();
        }

        @Override
        public String toString() {
            return sink + ": messages " + messages + ", distinct payload ids " + distinctIds + ", duplicates "
                    + duplicates + " (differing " + differingDuplicates + "), store rows compared " + rowsCompared
                    + ", zero-fill rows " + zeroRows + ", missing " + missing.size() + ", wrong " + wrong.size()
                    + (missing.isEmpty() ? "" : " e.g. missing " + missing.subList(0, Math.min(3, missing.size())))
                    + (wrong.isEmpty() ? "" : " e.g. " + wrong.subList(0, Math.min(3, wrong.size())));
        }
    }

    private final String sink;
    private final boolean finalOnly;
    private final Function<String, IntervalRow> parse;
    private final Map<String, Set<String>> bodiesById = new TreeMap<>();
    private int messages;

    SinkLedger(String sink, boolean finalOnly, Function<String, IntervalRow> parse) {
        this.sink = sink;
        this.finalOnly = finalOnly;
        this.parse = parse;
    }

    synchronized void record(String payloadId, String body) {
        messages++;
        bodiesById.computeIfAbsent(payloadId, id -> new LinkedHashSet<>()).add(body);
    }

    synchronized Verdict against(Map<String, IntervalRow> store) {
        int differing = 0;
        Map<String, IntervalRow> newest = new TreeMap<>();
        for (Set<String> bodies : bodiesById.values()) {
            if (bodies.size() > 1) {
                differing++;
            }
            IntervalRow row = parse.apply(bodies.iterator().next());
            newest.merge(row.key(), row, (a, b) -> a.revision() >= b.revision() ? a : b);
        }
        List<String> missing = new ArrayList<>();
        List<String> wrong = new ArrayList<>();
        int compared = 0;
        for (IntervalRow want : store.values()) {
            if (finalOnly && !want.isFinal()) {
                continue;
            }
            compared++;
            IntervalRow got = newest.get(want.key());
            if (got == null) {
                missing.add(want.key() + " r" + want.revision());
            } else if (!got.equals(want)) {
                wrong.add("got " + got + " but the store has " + want);
            }
        }
        int zeroRows = 0;
        for (IntervalRow got : newest.values()) {
            if (!store.containsKey(got.key())) {
                if (got.revision() == 0 && got.components().isZero() && got.isFinal()) {
                    zeroRows++;
                } else {
                    wrong.add("got " + got + " which the store does not have");
                }
            }
        }
        return new Verdict(sink, messages, bodiesById.size(), messages - bodiesById.size(), differing, compared,
                zeroRows, missing, wrong);
    }
}
