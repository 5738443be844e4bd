-- Streamvane metrics store, part 2: what the engine projects (interval components, agent segments, ACD
-- sessions, agent state) and the watermark/finality bookkeeping. Hot-path tables, written with plain JDBC.

-- ---------------------------------------------------------------------------------------------------
-- Interval components at base granularity (default PT15M). Only additive components are stored; coarser
-- granularities are sums of base buckets and derived KPIs are computed from components (SPEC §2).
-- ---------------------------------------------------------------------------------------------------
CREATE TABLE queue_interval (
    queue_id           text        NOT NULL,
    media_type         text        NOT NULL,
    interval_start     timestamptz NOT NULL,
    interval_end       timestamptz NOT NULL,
    offered            bigint      NOT NULL DEFAULT 0,
    answered           bigint      NOT NULL DEFAULT 0,
    answered_within_sl bigint      NOT NULL DEFAULT 0,
    abandoned          bigint      NOT NULL DEFAULT 0,
    short_abandoned    bigint      NOT NULL DEFAULT 0,
    flow_outs          bigint      NOT NULL DEFAULT 0,
    answer_wait_ms     bigint      NOT NULL DEFAULT 0,
    abandon_wait_ms    bigint      NOT NULL DEFAULT 0,
    handled            bigint      NOT NULL DEFAULT 0,
    handle_ms          bigint      NOT NULL DEFAULT 0,
    talk_ms            bigint      NOT NULL DEFAULT 0,
    hold_ms            bigint      NOT NULL DEFAULT 0,
    acw_ms             bigint      NOT NULL DEFAULT 0,
    revision           integer     NOT NULL DEFAULT 0,
    is_final           boolean     NOT NULL DEFAULT false,
    finalised_at       timestamptz,
    updated_at         timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT queue_interval_pk PRIMARY KEY (queue_id, media_type, interval_start),
    CONSTRAINT queue_interval_bounds_ck CHECK (interval_end > interval_start)
);
CREATE INDEX queue_interval_start_idx ON queue_interval (interval_start);
-- Finality sweep: the open intervals whose end + lateness the watermark has passed.
CREATE INDEX queue_interval_open_idx ON queue_interval (interval_end) WHERE NOT is_final;
COMMENT ON TABLE queue_interval IS
    'Event-sourced queue interval components per (queue, media type, base bucket). Written by the engine '
    '(upsert adding deltas, revision bumped on restatement), read by the API, reporting views and sinks. '
    'Bounded by interval retention (rows older than the configured horizon are deleted by interval_start).';

-- Components fetched from the Genesys Analytics API to fill ingestion gaps. Kept apart so event-sourced
-- numbers are never overwritten; the policy is "events win unless the interval overlaps a recorded gap",
-- applied by the queue_interval_effective view.
CREATE TABLE queue_interval_api (LIKE queue_interval INCLUDING DEFAULTS INCLUDING CONSTRAINTS);
ALTER TABLE queue_interval_api
    ADD CONSTRAINT queue_interval_api_pk PRIMARY KEY (queue_id, media_type, interval_start);
CREATE INDEX queue_interval_api_start_idx ON queue_interval_api (interval_start);
COMMENT ON TABLE queue_interval_api IS
    'Queue interval components from the Genesys Analytics API for intervals overlapping an ingest_gap. Written '
    'by the scheduler gap-fill, read through queue_interval_effective. Bounded like queue_interval.';

CREATE TABLE agent_interval (
    user_id           text        NOT NULL,
    interval_start    timestamptz NOT NULL,
    interval_end      timestamptz NOT NULL,
    handled           bigint      NOT NULL DEFAULT 0,
    handle_ms         bigint      NOT NULL DEFAULT 0,
    talk_ms           bigint      NOT NULL DEFAULT 0,
    hold_ms           bigint      NOT NULL DEFAULT 0,
    acw_ms            bigint      NOT NULL DEFAULT 0,
    -- Time in each routing status (Genesys routingStatus values); other_ms takes values unknown today.
    idle_ms           bigint      NOT NULL DEFAULT 0,
    interacting_ms    bigint      NOT NULL DEFAULT 0,
    communicating_ms  bigint      NOT NULL DEFAULT 0,
    not_responding_ms bigint      NOT NULL DEFAULT 0,
    off_queue_ms      bigint      NOT NULL DEFAULT 0,
    other_ms          bigint      NOT NULL DEFAULT 0,
    revision          integer     NOT NULL DEFAULT 0,
    is_final          boolean     NOT NULL DEFAULT false,
    finalised_at      timestamptz,
    updated_at        timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT agent_interval_pk PRIMARY KEY (user_id, interval_start),
    CONSTRAINT agent_interval_bounds_ck CHECK (interval_end > interval_start)
);
CREATE INDEX agent_interval_start_idx ON agent_interval (interval_start);
CREATE INDEX agent_interval_open_idx ON agent_interval (interval_end) WHERE NOT is_final;
COMMENT ON TABLE agent_interval IS
    'Agent interval components per (user, base bucket): handle components summed over the agent''s queues and '
    'media (SPEC: agent intervals are per user, by userId) and time in routing status (not queue-scoped). '
    'Written by the engine, read by the API and reporting. Bounded by interval retention. A per-queue agent '
    'breakdown, if wanted, derives from agent_segment.';

-- ---------------------------------------------------------------------------------------------------
-- agent_segment: one agent participant of one conversation, and where its contribution currently sits.
-- ---------------------------------------------------------------------------------------------------
CREATE TABLE agent_segment (
    conversation_id        text        NOT NULL,
    participant_id         text        NOT NULL,
    queue_id               text,
    user_id                text,
    media_type             text,
    talk_ms                bigint      NOT NULL DEFAULT 0,
    hold_ms                bigint      NOT NULL DEFAULT 0,
    acw_ms                 bigint      NOT NULL DEFAULT 0,
    interacting            boolean     NOT NULL DEFAULT false,
    completion_time        timestamptz,
    -- Exactly what the segment last added to the intervals, so it can be retracted when its completion moves.
    contributed_bucket     timestamptz,
    contributed_queue_id   text,
    contributed_user_id    text,
    contributed_media_type text,
    contributed_handled    bigint      NOT NULL DEFAULT 0,
    contributed_talk_ms    bigint      NOT NULL DEFAULT 0,
    contributed_hold_ms    bigint      NOT NULL DEFAULT 0,
    contributed_acw_ms     bigint      NOT NULL DEFAULT 0,
    updated_at             timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT agent_segment_pk PRIMARY KEY (conversation_id, participant_id)
);
CREATE INDEX agent_segment_completion_idx ON agent_segment (completion_time);
CREATE INDEX agent_segment_interacting_idx ON agent_segment (queue_id, media_type) WHERE interacting;
COMMENT ON TABLE agent_segment IS
    'Agent segment state (conversation, participant): summed talk/hold/ACW, completion time and the bucket it '
    'currently contributes to, for retract-and-add when a later event moves it. Written and read by the engine; '
    'interacting feeds real-time. Bounded by retention: segments completed more than N days ago are deleted.';

-- ---------------------------------------------------------------------------------------------------
-- acd_session: ACD (queue) sessions for real-time waiting and longest wait.
-- ---------------------------------------------------------------------------------------------------
CREATE TABLE acd_session (
    conversation_id text        NOT NULL,
    session_key     text        NOT NULL,
    queue_id        text,
    media_type      text,
    started_at      timestamptz,
    ended_at        timestamptz,
    outcome         text,
    expired         boolean     NOT NULL DEFAULT false,
    updated_at      timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT acd_session_pk PRIMARY KEY (conversation_id, session_key),
    -- Whichever side arrives first creates the row; the other completes it (an end may precede its start).
    CONSTRAINT acd_session_seen_ck CHECK (started_at IS NOT NULL OR ended_at IS NOT NULL)
);
-- Waiting = started, not ended, not expired: the real-time read and the expiry sweep use this.
CREATE INDEX acd_session_waiting_idx ON acd_session (queue_id, media_type, started_at)
    WHERE ended_at IS NULL AND NOT expired;
CREATE INDEX acd_session_ended_idx ON acd_session (ended_at) WHERE ended_at IS NOT NULL;
COMMENT ON TABLE acd_session IS
    'ACD sessions (conversation, session) with start/end/outcome, joined whichever side comes first. Written by '
    'the engine; read for real-time waiting/longest wait. Sessions waiting longer than the bound (default 4 h) '
    'are flagged expired. Bounded by retention: ended or expired sessions older than N days are deleted.';
COMMENT ON COLUMN acd_session.session_key IS 'sessionId, or participantId when the event has no sessionId.';

-- ---------------------------------------------------------------------------------------------------
-- agent_state and routing status history.
-- ---------------------------------------------------------------------------------------------------
CREATE TABLE agent_state (
    user_id                 text        NOT NULL,
    presence                text,
    presence_time           timestamptz,
    routing_status          text,
    routing_status_time     timestamptz,
    active_queue_ids        text[]      NOT NULL DEFAULT '{}',
    active_queue_ids_time   timestamptz,
    updated_at              timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT agent_state_pk PRIMARY KEY (user_id)
);
CREATE INDEX agent_state_active_queues_idx ON agent_state USING gin (active_queue_ids);
COMMENT ON TABLE agent_state IS
    'Current presence, routing status and active queues per agent, last-writer-wins by event time per field '
    '(UPDATE ... SET presence = CASE WHEN excluded.presence_time > presence_time ...). Written by the engine, '
    'read by real-time and the agent state API. Bounded by the number of agents.';

CREATE TABLE routing_status_history (
    user_id     text        NOT NULL,
    started_at  timestamptz NOT NULL,
    status      text        NOT NULL,
    ended_at    timestamptz,
    recorded_at timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT routing_status_history_pk PRIMARY KEY (user_id, started_at),
    CONSTRAINT routing_status_history_order_ck CHECK (ended_at IS NULL OR ended_at >= started_at)
);
CREATE INDEX routing_status_history_started_idx ON routing_status_history (started_at);
COMMENT ON TABLE routing_status_history IS
    'Routing status changes per agent (a status lasts until the next start); ended_at is the next row''s '
    'started_at, stored when known. Written by the engine; read to compute time in status per interval, order '
    'independently. Bounded by retention: rows ended before the oldest non-final interval plus N days are deleted.';

-- ---------------------------------------------------------------------------------------------------
-- queue_observation: latest Genesys observation per queue/media/metric/qualifier.
-- ---------------------------------------------------------------------------------------------------
CREATE TABLE queue_observation (
    queue_id             text        NOT NULL,
    media_type           text        NOT NULL,
    metric               text        NOT NULL,
    qualifier            text        NOT NULL DEFAULT '',
    observation_interval text,
    stats                jsonb       NOT NULL,
    observed_at          timestamptz NOT NULL,
    updated_at           timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT queue_observation_pk PRIMARY KEY (queue_id, media_type, metric, qualifier)
);
COMMENT ON TABLE queue_observation IS
    'Latest observation value per (queue, media type, metric, qualifier) from v2.analytics.queues.{id}.observations '
    '(a message is the latest value, never a delta; upsert only when observed_at is newer). Written by the engine, '
    'read by real-time drift correction. Bounded by the number of queues x metrics.';
COMMENT ON COLUMN queue_observation.qualifier IS 'Observation qualifier; empty string when the metric has none.';

-- ---------------------------------------------------------------------------------------------------
-- watermark: event-time progress per source, for finality.
-- ---------------------------------------------------------------------------------------------------
CREATE TABLE watermark (
    source         text        NOT NULL,
    max_event_time timestamptz,
    watermark      timestamptz,
    updated_at     timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT watermark_pk PRIMARY KEY (source)
);
COMMENT ON TABLE watermark IS
    'Event-time watermark per source. Monotonic: writers use max_event_time = GREATEST(max_event_time, :t) '
    'and watermark = GREATEST(watermark, :w), so concurrent replicas never move it back. Written by the engine, '
    'read by the finality sweep. Bounded by the number of sources.';

-- ---------------------------------------------------------------------------------------------------
-- kpi_change_log: ordered feed of interval restatements for the sinks.
-- ---------------------------------------------------------------------------------------------------
CREATE TABLE kpi_change_log (
    id             bigint      GENERATED ALWAYS AS IDENTITY,
    row_kind       text        NOT NULL,
    queue_id       text,
    media_type     text,
    user_id        text,
    interval_start timestamptz NOT NULL,
    revision       integer     NOT NULL,
    is_final       boolean     NOT NULL,
    changed_at     timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT kpi_change_log_pk PRIMARY KEY (id),
    CONSTRAINT kpi_change_log_kind_ck CHECK (
        (row_kind = 'queue' AND queue_id IS NOT NULL AND media_type IS NOT NULL AND user_id IS NULL)
        OR (row_kind = 'agent' AND user_id IS NOT NULL AND queue_id IS NULL))
);
CREATE INDEX kpi_change_log_changed_idx ON kpi_change_log (changed_at);
COMMENT ON TABLE kpi_change_log IS
    'One row per committed interval change (key, revision, finality), in commit order. Written by the engine as '
    'the last statement of its projection transaction; sinks read id > their sink_cursor. Bounded by retention: '
    'rows with id <= min(sink_cursor.last_change_id) and older than N days are deleted. NOTIFY: streamvane_kpi_changes.';

-- Identity values are handed out at insert, not at commit, so two concurrent writers could otherwise commit
-- ids out of order and a sink reading id > cursor would skip the late committer. Taking one transaction-level
-- advisory lock before any row is inserted makes id order equal commit order: the lock is held to commit,
-- hence writers insert change-log rows last in their transaction.
CREATE FUNCTION streamvane_change_log_serialise()
    RETURNS trigger
    LANGUAGE plpgsql
AS $$
BEGIN
    PERFORM pg_advisory_xact_lock(hashtext('streamvane_kpi_change_log'));
    RETURN NULL;
END;
$$;
CREATE TRIGGER kpi_change_log_serialise
    BEFORE INSERT ON kpi_change_log
    FOR EACH STATEMENT
    EXECUTE FUNCTION streamvane_change_log_serialise();

CREATE FUNCTION streamvane_notify_kpi_changes()
    RETURNS trigger
    LANGUAGE plpgsql
AS $$
BEGIN
    PERFORM pg_notify('streamvane_kpi_changes', '');
    RETURN NULL;
END;
$$;
CREATE TRIGGER kpi_change_log_notify
    AFTER INSERT ON kpi_change_log
    FOR EACH STATEMENT
    EXECUTE FUNCTION streamvane_notify_kpi_changes();
