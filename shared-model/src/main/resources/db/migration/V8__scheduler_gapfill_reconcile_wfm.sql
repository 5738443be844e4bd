-- Streamvane metrics store, part 8 (scheduler): gap-fill progress, reconciliation cursors and drift, agent
-- figures from the user aggregates API, and the WFM intraday forecast stored beside the actuals.

-- One row per hour-sized (configurable) chunk of a gap; a chunk is done once its API rows are committed, so a
-- gap-fill that crashes resumes at the first pending chunk and never asks the API twice for a done one.
CREATE TABLE gap_fill_chunk (
    gap_id      bigint      NOT NULL REFERENCES ingest_gap (id) ON DELETE CASCADE,
    chunk_start timestamptz NOT NULL,
    chunk_end   timestamptz NOT NULL,
    status      text        NOT NULL DEFAULT 'pending',
    rows_written integer    NOT NULL DEFAULT 0,
    done_at     timestamptz,
    CONSTRAINT gap_fill_chunk_pk PRIMARY KEY (gap_id, chunk_start),
    CONSTRAINT gap_fill_chunk_bounds_ck CHECK (chunk_end > chunk_start),
    CONSTRAINT gap_fill_chunk_status_ck CHECK (status IN ('pending', 'done'))
);
COMMENT ON TABLE gap_fill_chunk IS
    'Gap-fill progress per ingest_gap chunk (pending/done). Written and read by the scheduler gap-fill and admin API. '
    'Bounded by ingest_gap (cascade).';

-- Reconciliation passes (T+1h, T+48h, ...) each remember how far they have compared, so missed runs catch up.
CREATE TABLE reconcile_cursor (
    pass             text        NOT NULL,
    reconciled_until timestamptz NOT NULL,
    updated_at       timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT reconcile_cursor_pk PRIMARY KEY (pass)
);
COMMENT ON TABLE reconcile_cursor IS
    'Per reconciliation pass, the end of the last interval compared. Written and read by the scheduler. Bounded by passes.';

-- Drift between event-derived components and the Genesys aggregates, per interval, pass and metric. Only
-- non-zero drift is kept: a re-check that agrees deletes the row, so "no rows" means "no drift".
CREATE TABLE reconcile_drift (
    queue_id       text             NOT NULL,
    media_type     text             NOT NULL,
    interval_start timestamptz      NOT NULL,
    interval_end   timestamptz      NOT NULL,
    pass           text             NOT NULL,
    metric         text             NOT NULL,
    events_value   bigint           NOT NULL,
    api_value      bigint           NOT NULL,
    drift          bigint           NOT NULL,
    exceeds_tolerance boolean       NOT NULL,
    adopted        boolean          NOT NULL DEFAULT false,
    checked_at     timestamptz      NOT NULL DEFAULT now(),
    CONSTRAINT reconcile_drift_pk PRIMARY KEY (queue_id, media_type, interval_start, pass, metric)
);
CREATE INDEX reconcile_drift_checked_idx ON reconcile_drift (checked_at);
CREATE INDEX reconcile_drift_interval_idx ON reconcile_drift (interval_start);
COMMENT ON TABLE reconcile_drift IS
    'Non-zero drift (api - events) per queue x media x interval x pass x metric (metric = Genesys metric and stat, e.g. '
    'tAnswered.count). Written by the scheduler reconciliation, read by the admin API and metrics. Bounded by interval retention.';

-- Agent time in routing status / presence per interval from /analytics/users/aggregates/query.
CREATE TABLE agent_interval_api (
    user_id        text        NOT NULL,
    interval_start timestamptz NOT NULL,
    interval_end   timestamptz NOT NULL,
    metric         text        NOT NULL,
    qualifier      text        NOT NULL,
    value_ms       bigint      NOT NULL,
    fetched_at     timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT agent_interval_api_pk PRIMARY KEY (user_id, interval_start, metric, qualifier)
);
CREATE INDEX agent_interval_api_start_idx ON agent_interval_api (interval_start);
COMMENT ON TABLE agent_interval_api IS
    'Genesys tAgentRoutingStatus / tSystemPresence sums (ms) per user x interval x qualifier. Written by the scheduler '
    'user-aggregates job, read by agent_status_drift. Bounded by interval retention.';

-- Event-derived time in routing status beside Genesys's, per user and interval.
CREATE VIEW agent_status_drift AS
SELECT a.user_id, a.interval_start, a.qualifier AS routing_status, a.value_ms AS api_ms,
       CASE upper(a.qualifier)
           WHEN 'IDLE' THEN e.idle_ms
           WHEN 'INTERACTING' THEN e.interacting_ms
           WHEN 'COMMUNICATING' THEN e.communicating_ms
           WHEN 'NOT_RESPONDING' THEN e.not_responding_ms
           WHEN 'OFF_QUEUE' THEN e.off_queue_ms
       END AS events_ms
FROM agent_interval_api a
LEFT JOIN agent_interval e ON e.user_id = a.user_id AND e.interval_start = a.interval_start
WHERE a.metric = 'tAgentRoutingStatus';
COMMENT ON VIEW agent_status_drift IS
    'Agent time in routing status, Genesys (api_ms) against events (events_ms), per user x interval x status.';

-- WFM intraday forecast and schedule per planning group, media and interval (Genesys has no actuals here:
-- Streamvane's queue_interval supplies them).
CREATE TABLE wfm_intraday (
    business_unit_id           text        NOT NULL,
    planning_group_id          text        NOT NULL,
    media_type                 text        NOT NULL,
    interval_start             timestamptz NOT NULL,
    interval_end               timestamptz NOT NULL,
    forecast_offered           double precision,
    forecast_aht_seconds       double precision,
    scheduled_on_queue_seconds double precision,
    fetched_at                 timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT wfm_intraday_pk PRIMARY KEY (business_unit_id, planning_group_id, media_type, interval_start)
);
CREATE INDEX wfm_intraday_start_idx ON wfm_intraday (interval_start);
COMMENT ON TABLE wfm_intraday IS
    'Forecast offered/AHT and scheduled on-queue time per planning group x media x interval from the business-unit '
    'intraday API. Written by the scheduler WFM job, read by the API, wallboard and WFM feed. Bounded by interval retention.';
