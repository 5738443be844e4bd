-- Streamvane metrics store, part 5 (reactive engine): what the engine needs beyond V2.

-- An acw event marks a segment handled even with zero wrap-up time (AgentSegment.wrappedUp), which the V2
-- columns cannot express (acw_ms may be 0). Without it a segment reloaded from the row would lose "handled".
ALTER TABLE agent_segment ADD COLUMN wrapped_up boolean NOT NULL DEFAULT false;
COMMENT ON COLUMN agent_segment.wrapped_up IS 'Some acw event was folded into the segment (handled even with 0 ms ACW).';

-- Replay progress, one row per run, so an operator can follow a long replay and see it finished.
CREATE TABLE engine_replay (
    id            bigint      GENERATED ALWAYS AS IDENTITY,
    range_start   timestamptz NOT NULL,
    range_end     timestamptz NOT NULL,
    chunks_total  integer     NOT NULL,
    chunks_done   integer     NOT NULL DEFAULT 0,
    rows_changed  bigint      NOT NULL DEFAULT 0,
    status        text        NOT NULL DEFAULT 'running',
    started_at    timestamptz NOT NULL DEFAULT now(),
    finished_at   timestamptz,
    CONSTRAINT engine_replay_pk PRIMARY KEY (id),
    CONSTRAINT engine_replay_bounds_ck CHECK (range_end > range_start),
    CONSTRAINT engine_replay_status_ck CHECK (status IN ('running', 'done', 'failed'))
);
COMMENT ON TABLE engine_replay IS
    'Replay runs of the engine (recompute interval components of a range from raw_event) with progress. Written '
    'and read by the engine admin API. Bounded by operator activity.';
