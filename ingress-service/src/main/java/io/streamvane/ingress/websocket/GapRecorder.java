package io.streamvane.ingress.websocket;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Writes an {@code ingest_gap} row for a period the websocket was not receiving; the scheduler gap-fills it. */
class GapRecorder {

    static final String SOURCE = "websocket";
    private final JdbcClient jdbc;

    GapRecorder(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void record(Instant start, Instant end, List<String> topics) {
        if (!end.isAfter(start)) {
            return; // ingest_gap_bounds_ck: an empty period lost nothing
        }
        // Topic ids are Genesys UUIDs and fixed words: no commas, so string_to_array is a safe text[] binding.
        jdbc.sql("INSERT INTO ingest_gap (source, gap_start, gap_end, topics) "
                        + "VALUES (?, ?, ?, string_to_array(?, ','))")
                .params(SOURCE, Timestamp.from(start), Timestamp.from(end), String.join(",", topics))
                .update();
    }
}
