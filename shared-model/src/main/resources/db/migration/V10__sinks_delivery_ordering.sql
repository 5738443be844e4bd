-- Push sinks: what the delivery engine needs beyond V3's sink_delivery.
-- row_key identifies the interval row a delivery carries (sink granularity included), so the sender can keep
-- per-key order (revision r+1 is never sent while r is still pending) and the enqueuer can collapse a pending
-- older revision into the newer one ('superseded': every row is absolute, so the newest carries all earlier ones).
ALTER TABLE sink_delivery ADD COLUMN row_key text;
ALTER TABLE sink_delivery ADD COLUMN revision integer;
ALTER TABLE sink_delivery ADD COLUMN interval_start timestamptz;
ALTER TABLE sink_delivery DROP CONSTRAINT sink_delivery_status_ck;
ALTER TABLE sink_delivery ADD CONSTRAINT sink_delivery_status_ck
    CHECK (status IN ('pending', 'in_flight', 'delivered', 'dead_lettered', 'superseded'));
CREATE INDEX sink_delivery_key_idx ON sink_delivery (sink, row_key, id) WHERE status IN ('pending', 'in_flight');
CREATE INDEX sink_delivery_dead_idx ON sink_delivery (sink, dead_lettered_at) WHERE status = 'dead_lettered';
COMMENT ON COLUMN sink_delivery.row_key IS
    'Interval row the payload carries: queueId|mediaType|granularity|intervalStart. Per-key ordering and collapse.';
COMMENT ON COLUMN sink_delivery.interval_start IS 'Start of the carried interval (replay and dead-letter listing).';
