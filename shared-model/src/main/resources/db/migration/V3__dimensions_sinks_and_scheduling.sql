-- Streamvane metrics store, part 3: dimensions and settings synced from Genesys, gap-fill bookkeeping,
-- sink delivery state and ShedLock. Entity-shaped tables (Spring Data JPA): surrogate or natural single-column
-- keys, a version column where several replicas update the same row.

-- ---------------------------------------------------------------------------------------------------
-- Dimensions and settings
-- ---------------------------------------------------------------------------------------------------
CREATE TABLE queue (
    queue_id       text        NOT NULL,
    name           text        NOT NULL,
    division_id    text,
    media_settings jsonb,
    synced_at      timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT queue_pk PRIMARY KEY (queue_id)
);
COMMENT ON TABLE queue IS
    'Queue dimension synced from Genesys /api/v2/routing/queues (mediaSettings kept raw). Written by the scheduler '
    'sync, read by the API, sinks and reporting. Bounded by the organisation''s queues.';

CREATE TABLE queue_media_sl (
    queue_id          text         NOT NULL,
    media_type        text         NOT NULL,
    sl_threshold_ms   bigint       NOT NULL,
    sl_target_percent numeric(5,2),
    source            text         NOT NULL DEFAULT 'genesys',
    synced_at         timestamptz  NOT NULL DEFAULT now(),
    CONSTRAINT queue_media_sl_pk PRIMARY KEY (queue_id, media_type),
    CONSTRAINT queue_media_sl_threshold_ck CHECK (sl_threshold_ms >= 0),
    CONSTRAINT queue_media_sl_target_ck CHECK (sl_target_percent IS NULL OR sl_target_percent BETWEEN 0 AND 100)
);
COMMENT ON TABLE queue_media_sl IS
    'Per queue and media type service-level settings (mediaSettings.<media>.serviceLevel.durationMs / percentage). '
    'Written by the scheduler sync, read by the engine (SL threshold) and reporting. Bounded by queues x media.';

CREATE TABLE app_user (
    user_id     text        NOT NULL,
    name        text        NOT NULL,
    email       text,
    division_id text,
    synced_at   timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT app_user_pk PRIMARY KEY (user_id)
);
COMMENT ON TABLE app_user IS
    'Agent/user dimension synced from Genesys /api/v2/users. Written by the scheduler sync, read by the API, '
    'sinks and reporting. Bounded by the organisation''s users.';

-- Optional overrides of the SPEC §2 KPI settings. Scope: both keys null = global, queue only, media only,
-- or both; the most specific row wins (queue+media > queue > media > global). Services mirror their configured
-- overrides here so SQL consumers (the reporting views) see the same settings as the Java code.
CREATE TABLE sl_settings_override (
    id                         bigint      GENERATED ALWAYS AS IDENTITY,
    queue_id                   text,
    media_type                 text,
    sl_threshold_ms            bigint,
    short_abandon_threshold_ms bigint,
    include_abandons           boolean     NOT NULL DEFAULT true,
    exclude_short_abandons     boolean     NOT NULL DEFAULT true,
    include_flow_outs          boolean     NOT NULL DEFAULT false,
    updated_at                 timestamptz NOT NULL DEFAULT now(),
    version                    bigint      NOT NULL DEFAULT 0,
    CONSTRAINT sl_settings_override_pk PRIMARY KEY (id),
    CONSTRAINT sl_settings_override_thresholds_ck
        CHECK ((sl_threshold_ms IS NULL OR sl_threshold_ms >= 0)
           AND (short_abandon_threshold_ms IS NULL OR short_abandon_threshold_ms >= 0))
);
CREATE UNIQUE INDEX sl_settings_override_scope_uq
    ON sl_settings_override (coalesce(queue_id, ''), coalesce(media_type, ''));
COMMENT ON TABLE sl_settings_override IS
    'Optional KPI setting overrides by scope (global / queue / media / queue+media); a null threshold inherits. '
    'Written by configuration (services at startup or an admin), read by the engine and reporting. Bounded by queues x media.';

-- ---------------------------------------------------------------------------------------------------
-- Gap-fill
-- ---------------------------------------------------------------------------------------------------
CREATE TABLE ingest_gap (
    id          bigint      GENERATED ALWAYS AS IDENTITY,
    source      text        NOT NULL,
    gap_start   timestamptz NOT NULL,
    gap_end     timestamptz NOT NULL,
    topics      text[]      NOT NULL DEFAULT '{}',
    status      text        NOT NULL DEFAULT 'open',
    attempts    integer     NOT NULL DEFAULT 0,
    last_error  text,
    recorded_at timestamptz NOT NULL DEFAULT now(),
    filled_at   timestamptz,
    version     bigint      NOT NULL DEFAULT 0,
    CONSTRAINT ingest_gap_pk PRIMARY KEY (id),
    CONSTRAINT ingest_gap_bounds_ck CHECK (gap_end > gap_start),
    CONSTRAINT ingest_gap_status_ck CHECK (status IN ('open', 'filling', 'filled', 'failed', 'dismissed'))
);
CREATE INDEX ingest_gap_pending_idx ON ingest_gap (recorded_at) WHERE status IN ('open', 'filling', 'failed');
CREATE INDEX ingest_gap_range_idx ON ingest_gap (gap_start, gap_end);
COMMENT ON TABLE ingest_gap IS
    'Periods when a transport lost events (disconnect, expiry), to be filled from the Analytics API. Written by '
    'ingress/scheduler, read by the scheduler gap-fill and queue_interval_effective (an interval overlapping a '
    'non-dismissed gap takes API components). Bounded by interval retention: a gap is deleted with the intervals it covers.';

-- Events win unless the interval overlaps a recorded (non-dismissed) gap and API components exist for it.
CREATE VIEW queue_interval_effective AS
SELECT e.*, 'events'::text AS source
FROM queue_interval e
WHERE NOT EXISTS (
    SELECT 1
    FROM queue_interval_api a
    JOIN ingest_gap g ON g.status <> 'dismissed' AND g.gap_start < a.interval_end AND g.gap_end > a.interval_start
    WHERE a.queue_id = e.queue_id AND a.media_type = e.media_type AND a.interval_start = e.interval_start)
UNION ALL
SELECT a.*, 'api'::text AS source
FROM queue_interval_api a
WHERE EXISTS (
    SELECT 1 FROM ingest_gap g
    WHERE g.status <> 'dismissed' AND g.gap_start < a.interval_end AND g.gap_end > a.interval_start);
COMMENT ON VIEW queue_interval_effective IS
    'queue_interval with the gap policy applied: the API row replaces the event row for intervals that overlap a '
    'non-dismissed ingest_gap; everywhere else the event-sourced row stands. source = events | api.';

-- ---------------------------------------------------------------------------------------------------
-- Sinks
-- ---------------------------------------------------------------------------------------------------
CREATE TABLE sink_cursor (
    sink_name      text        NOT NULL,
    last_change_id bigint      NOT NULL DEFAULT 0,
    updated_at     timestamptz NOT NULL DEFAULT now(),
    version        bigint      NOT NULL DEFAULT 0,
    CONSTRAINT sink_cursor_pk PRIMARY KEY (sink_name)
);
COMMENT ON TABLE sink_cursor IS
    'Per sink, the last kpi_change_log.id it has taken over. Written and read by egress. Bounded by the number of sinks.';

CREATE TABLE sink_delivery (
    id               bigint      GENERATED ALWAYS AS IDENTITY,
    sink             text        NOT NULL,
    payload_id       text        NOT NULL,
    status           text        NOT NULL DEFAULT 'pending',
    attempts         integer     NOT NULL DEFAULT 0,
    last_error       text,
    next_attempt_at  timestamptz NOT NULL DEFAULT now(),
    dead_lettered_at timestamptz,
    delivered_at     timestamptz,
    payload          jsonb       NOT NULL,
    created_at       timestamptz NOT NULL DEFAULT now(),
    updated_at       timestamptz NOT NULL DEFAULT now(),
    version          bigint      NOT NULL DEFAULT 0,
    CONSTRAINT sink_delivery_pk PRIMARY KEY (id),
    CONSTRAINT sink_delivery_payload_uq UNIQUE (sink, payload_id),
    CONSTRAINT sink_delivery_status_ck CHECK (status IN ('pending', 'in_flight', 'delivered', 'dead_lettered'))
);
CREATE INDEX sink_delivery_due_idx ON sink_delivery (sink, next_attempt_at) WHERE status IN ('pending', 'in_flight');
CREATE INDEX sink_delivery_done_idx ON sink_delivery (updated_at) WHERE status IN ('delivered', 'dead_lettered');
COMMENT ON TABLE sink_delivery IS
    'Outbound deliveries per sink with retry state; payload_id = row key + revision (stable id for receivers to '
    'dedupe). Written and read by egress. Bounded by retention: delivered rows after N days, dead-lettered rows '
    'after M days (after an operator had the chance to replay them).';

-- ---------------------------------------------------------------------------------------------------
-- ShedLock (shedlock-provider-jdbc-template). Its documented DDL uses timestamp (UTC); keep it so that
-- JdbcTemplateLockProvider ... .usingDbTime() (timezone('utc', CURRENT_TIMESTAMP)) compares like with like.
-- ---------------------------------------------------------------------------------------------------
CREATE TABLE shedlock (
    name       varchar(64)  NOT NULL,
    lock_until timestamp    NOT NULL,
    locked_at  timestamp    NOT NULL,
    locked_by  varchar(255) NOT NULL,
    CONSTRAINT shedlock_pk PRIMARY KEY (name)
);
COMMENT ON TABLE shedlock IS
    'ShedLock locks for scheduled jobs (one row per job name, times in UTC). Written and read by ShedLock. '
    'Bounded by the number of jobs.';
