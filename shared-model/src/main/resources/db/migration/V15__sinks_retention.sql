-- Push-sink retention (egress OutboxRetention) deletes settled deliveries by status and age: delivered and superseded
-- ones after streamvane.egress.delivery.retention.delivered, dead-lettered ones after ...dead-lettered, in batches.
-- V3's partial index predates 'superseded' (V10), so that purge would scan the table; this one covers every settled
-- status and replaces it. Built once: on a large table the build blocks writes to sink_delivery while it runs
-- (egress waits, nothing is lost).
CREATE INDEX sink_delivery_settled_idx ON sink_delivery (updated_at)
    WHERE status IN ('delivered', 'superseded', 'dead_lettered');
DROP INDEX sink_delivery_done_idx;
COMMENT ON TABLE sink_delivery IS
    'Outbound deliveries per sink with retry state; payload_id = row key + revision (stable id for receivers to '
    'dedupe). Written and read by egress. Bounded by egress''s retention job: delivered and superseded rows after '
    'retention.delivered (7d), dead-lettered rows after retention.dead-lettered (30d), by updated_at; pending and '
    'in-flight rows are never deleted.';
COMMENT ON TABLE kpi_change_log IS
    'One row per committed interval change (key, revision, finality), in commit order. Written by the engine as '
    'the last statement of its projection transaction; sinks read id > their sink_cursor. Bounded by egress''s '
    'retention job: rows with id <= min(sink_cursor.last_change_id) over the configured sinks and changed_at older '
    'than retention.change-log (2d) are deleted (by age alone where no sink is configured). NOTIFY: streamvane_kpi_changes.';
