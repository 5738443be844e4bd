-- Push sinks: "all intervals including zeros" (SPEC §3.3). The engine writes queue_interval rows only where events
-- landed; the delivery engine's zero-fill step walks every sink bucket the finality watermark has passed and, per
-- known queue x media type without a stored row there, enqueues a final zero row (revision 0, payload id ..._r0).
-- This column is that walk's durable cursor per sink; sink_delivery's UNIQUE (sink, payload_id) makes a repeat a
-- no-op. NULL = the sink has not zero-filled yet (it starts at the earliest stored interval, or at the watermark for
-- start-from LATEST).
ALTER TABLE sink_cursor ADD COLUMN zero_filled_until timestamptz;
COMMENT ON COLUMN sink_cursor.zero_filled_until IS
    'Zero-fill cursor: every sink bucket starting before this instant has been zero-filled (exclusive bound).';
