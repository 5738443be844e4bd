package io.streamvane.egress.wfm;

import io.streamvane.egress.delivery.Delivery;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.json.JsonMapper;

/**
 * Renders a batch for one feed. Deterministic: the same deliveries always give the same bytes, so a retry is an
 * identical payload under the same {@code webhook-id}.
 *
 * @param webhookId the row's payload id for a single row; for a batch a digest of its payload ids (each row still
 *                  carries its own {@code id} when the mapping keeps it)
 */
record WfmBody(String webhookId, String contentType, byte[] bytes) {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    static WfmBody render(WfmProperties.Feed feed, List<Delivery> batch) {
        String id = batch.size() == 1 ? batch.get(0).payloadId() : batchId(batch);
        List<Map<String, Object>> rows = new ArrayList<>(batch.size());
        for (Delivery d : batch) {
            rows.add(project(feed, d.row()));
        }
        if (feed.format() == WfmProperties.Format.CSV) {
            return new WfmBody(id, "text/csv; charset=utf-8", csv(feed, rows).getBytes(StandardCharsets.UTF_8));
        }
        Map<String, Object> envelope = new LinkedHashMap<>();
        String kind = feed.rows() == WfmProperties.Rows.AGENT ? "agent" : "queue";
        if (batch.size() == 1) {
            envelope.put("type", kind + (batch.get(0).isFinal() ? ".interval.finalized" : ".interval.updated"));
            envelope.put("id", id);
            envelope.put("data", rows.get(0));
        } else {
            envelope.put("type", kind + ".interval.batch");
            envelope.put("id", id);
            envelope.put("data", rows);
        }
        return new WfmBody(id, "application/json", JSON.writeValueAsBytes(envelope));
    }

    /** The feed's columns in order, or every canonical field under its own name. */
    static Map<String, Object> project(WfmProperties.Feed feed, Map<String, Object> row) {
        List<WfmProperties.Column> columns = feed.columns();
        Map<String, Object> out = new LinkedHashMap<>();
        if (columns.isEmpty()) {
            for (String f : feed.rows().fields()) {
                out.put(f, row.get(f));
            }
            return out;
        }
        for (WfmProperties.Column c : columns) {
            out.put(c.name(), c.field() != null ? row.get(c.field()) : c.value());
        }
        return out;
    }

    static List<String> headers(WfmProperties.Feed feed) {
        return feed.columns().isEmpty() ? feed.rows().fields()
                : feed.columns().stream().map(WfmProperties.Column::name).toList();
    }

    private static String csv(WfmProperties.Feed feed, List<Map<String, Object>> rows) {
        String sep = feed.csv().separator();
        StringBuilder sb = new StringBuilder();
        if (feed.csv().header()) {
            sb.append(String.join(sep, headers(feed).stream().map(h -> quote(h, sep)).toList())).append("\r\n");
        }
        for (Map<String, Object> row : rows) {
            List<String> cells = new ArrayList<>(row.size());
            for (Object v : row.values()) {
                cells.add(quote(cell(v), sep));
            }
            sb.append(String.join(sep, cells)).append("\r\n");
        }
        return sb.toString();
    }

    private static String cell(Object v) {
        if (v == null) {
            return "";
        }
        if (v instanceof Double || v instanceof Float || v instanceof BigDecimal) {
            return new BigDecimal(v.toString()).stripTrailingZeros().toPlainString();
        }
        return v.toString();
    }

    /** RFC 4180 quoting when a cell holds the separator, a quote or a line break. */
    private static String quote(String s, String sep) {
        if (s.contains(sep) || s.contains("\"") || s.contains("\n") || s.contains("\r")) {
            return "\"" + s.replace("\"", "\"\"") + "\"";
        }
        return s;
    }

    private static String batchId(List<Delivery> batch) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            for (Delivery d : batch) {
                md.update(d.payloadId().getBytes(StandardCharsets.UTF_8));
                md.update((byte) '\n');
            }
            return "kpibatch_" + HexFormat.of().formatHex(md.digest(), 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
