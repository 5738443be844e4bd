package io.streamvane.model.kpi;

import java.util.Locale;

/** How a catalogue entry's constant becomes the names surfaces use: one rule for queue and agent metrics. */
final class MetricNames {

    private MetricNames() {
    }

    /** {@code ANSWER_WAIT_MS} → {@code answerWaitMs}: the JSON surfaces' field. */
    static String field(String constant) {
        String[] words = constant.toLowerCase(Locale.ROOT).split("_");
        StringBuilder b = new StringBuilder(words[0]);
        for (int i = 1; i < words.length; i++) {
            b.append(Character.toUpperCase(words[i].charAt(0))).append(words[i].substring(1));
        }
        return b.toString();
    }

    /** {@code ANSWER_WAIT_MS} → {@code answer_wait_ms}: the store's and the reporting views' column. */
    static String column(String constant) {
        return constant.toLowerCase(Locale.ROOT);
    }
}
