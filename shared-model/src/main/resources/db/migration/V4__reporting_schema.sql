-- Streamvane metrics store, part 4: the `reporting` schema (SPEC §3.2) for BI tools (Power BI DirectQuery or
-- Import). Stable names and columns: add columns, never rename or drop them. The views read the base tables
-- with their owner's rights, so the read-only role needs rights on this schema only.
--
-- Derived KPIs are computed here with the same formulas and defaults as the Java KPI definitions in
-- shared-model (io.streamvane.model.kpi); those are authoritative, and a change there must be mirrored here.

CREATE SCHEMA reporting;
COMMENT ON SCHEMA reporting IS 'Stable read-only views and dimensions for BI tools (SPEC §3.2).';

-- ---------------------------------------------------------------------------------------------------
-- Materialised dimensions
-- ---------------------------------------------------------------------------------------------------
CREATE TABLE reporting.dim_date (
    date_key     integer  NOT NULL,
    date         date     NOT NULL,
    year         smallint NOT NULL,
    quarter      smallint NOT NULL,
    month        smallint NOT NULL,
    month_name   text     NOT NULL,
    day_of_month smallint NOT NULL,
    day_of_week  smallint NOT NULL,
    day_name     text     NOT NULL,
    iso_year     smallint NOT NULL,
    iso_week     smallint NOT NULL,
    day_of_year  smallint NOT NULL,
    is_weekend   boolean  NOT NULL,
    CONSTRAINT dim_date_pk PRIMARY KEY (date_key),
    CONSTRAINT dim_date_date_uq UNIQUE (date)
);
INSERT INTO reporting.dim_date
SELECT to_char(d, 'YYYYMMDD')::integer,
       d::date,
       extract(year FROM d)::smallint,
       extract(quarter FROM d)::smallint,
       extract(month FROM d)::smallint,
       trim(to_char(d, 'FMMonth')),
       extract(day FROM d)::smallint,
       extract(isodow FROM d)::smallint,
       trim(to_char(d, 'FMDay')),
       extract(isoyear FROM d)::smallint,
       extract(week FROM d)::smallint,
       extract(doy FROM d)::smallint,
       extract(isodow FROM d) IN (6, 7)
FROM generate_series(date '2015-01-01', date '2045-12-31', interval '1 day') AS d;
COMMENT ON TABLE reporting.dim_date IS
    'Calendar dimension 2015-01-01..2045-12-31 (UTC dates), date_key = yyyymmdd. Static; extend by a migration.';

CREATE TABLE reporting.dim_media_type (
    media_type_key smallint NOT NULL,
    media_type     text     NOT NULL,
    display_name   text     NOT NULL,
    CONSTRAINT dim_media_type_pk PRIMARY KEY (media_type_key),
    CONSTRAINT dim_media_type_uq UNIQUE (media_type)
);
INSERT INTO reporting.dim_media_type VALUES
    (0, 'unknown', 'Unknown'),
    (1, 'voice', 'Voice'),
    (2, 'chat', 'Chat'),
    (3, 'email', 'Email'),
    (4, 'callback', 'Callback'),
    (5, 'message', 'Message'),
    (6, 'screenshare', 'Screen share'),
    (7, 'cobrowse', 'Co-browse'),
    (8, 'video', 'Video');
COMMENT ON TABLE reporting.dim_media_type IS
    'Media types with integer surrogate keys; media types unknown to this table map to key 0 in the views.';

-- ---------------------------------------------------------------------------------------------------
-- KPI settings resolved per (queue, media type): SPEC §2 defaults, overridden by sl_settings_override
-- (most specific scope first) and, for the SL threshold, by the Genesys queue setting.
-- ---------------------------------------------------------------------------------------------------
CREATE VIEW reporting.kpi_settings AS
SELECT k.queue_id,
       k.media_type,
       coalesce(oq.sl_threshold_ms, qms.sl_threshold_ms, og.sl_threshold_ms, 20000)            AS sl_threshold_ms,
       coalesce(oq.short_abandon_threshold_ms, og.short_abandon_threshold_ms, 10000)           AS short_abandon_threshold_ms,
       coalesce(oq.include_abandons, og.include_abandons, true)                                AS include_abandons,
       coalesce(oq.exclude_short_abandons, og.exclude_short_abandons, true)                    AS exclude_short_abandons,
       coalesce(oq.include_flow_outs, og.include_flow_outs, false)                             AS include_flow_outs
FROM (SELECT DISTINCT queue_id, media_type FROM public.queue_interval_effective
      UNION
      SELECT queue_id, media_type FROM public.queue_media_sl) k
LEFT JOIN public.queue_media_sl qms ON qms.queue_id = k.queue_id AND qms.media_type = k.media_type
LEFT JOIN LATERAL (
    SELECT o.* FROM public.sl_settings_override o
    WHERE o.queue_id = k.queue_id AND (o.media_type IS NULL OR o.media_type = k.media_type)
    ORDER BY (o.media_type IS NOT NULL) DESC
    LIMIT 1) oq ON true
LEFT JOIN LATERAL (
    SELECT o.* FROM public.sl_settings_override o
    WHERE o.queue_id IS NULL AND (o.media_type IS NULL OR o.media_type = k.media_type)
    ORDER BY (o.media_type IS NOT NULL) DESC
    LIMIT 1) og ON true;
COMMENT ON VIEW reporting.kpi_settings IS
    'Effective KPI settings per queue and media type: queue-scoped override > Genesys queue SL threshold > '
    'media/global override > SPEC defaults (SL 20 s, short abandon 10 s, include abandons, exclude short abandons, '
    'exclude flow-outs).';

-- ---------------------------------------------------------------------------------------------------
-- Dimensions as views
-- ---------------------------------------------------------------------------------------------------
CREATE VIEW reporting.dim_queue AS
SELECT q.queue_id,
       q.name AS queue_name,
       q.division_id,
       q.synced_at
FROM public.queue q;
COMMENT ON VIEW reporting.dim_queue IS 'Queues known from Genesys.';

CREATE VIEW reporting.dim_agent AS
SELECT u.user_id,
       u.name AS agent_name,
       u.email,
       u.division_id,
       u.synced_at
FROM public.app_user u;
COMMENT ON VIEW reporting.dim_agent IS 'Agents (Genesys users) known from Genesys.';

-- ---------------------------------------------------------------------------------------------------
-- Fact views
-- ---------------------------------------------------------------------------------------------------
CREATE VIEW reporting.queue_interval AS
SELECT i.queue_id,
       i.media_type,
       i.interval_start,
       i.interval_end,
       i.offered,
       i.answered,
       i.answered_within_sl,
       i.abandoned,
       i.short_abandoned,
       i.flow_outs,
       i.answer_wait_ms,
       i.abandon_wait_ms,
       i.handled,
       i.handle_ms,
       i.talk_ms,
       i.hold_ms,
       i.acw_ms,
       i.answered_within_sl::double precision / nullif(
             i.answered
           + CASE WHEN s.include_abandons
                  THEN i.abandoned - CASE WHEN s.exclude_short_abandons THEN i.short_abandoned ELSE 0 END
                  ELSE 0 END
           + CASE WHEN s.include_flow_outs THEN i.flow_outs ELSE 0 END, 0)       AS service_level,
       i.answer_wait_ms::double precision / nullif(i.answered, 0) / 1000          AS asa_seconds,
       i.handle_ms::double precision / nullif(i.handled, 0) / 1000                AS aht_seconds,
       i.abandoned::double precision / nullif(i.offered, 0)                       AS abandon_rate,
       i.is_final,
       i.revision,
       q.name                                                                      AS queue_name,
       (extract(epoch FROM i.interval_end - i.interval_start) / 60)::integer      AS interval_minutes,
       s.sl_threshold_ms / 1000.0                                                  AS sl_threshold_seconds,
       to_char(i.interval_start AT TIME ZONE 'UTC', 'YYYYMMDD')::integer          AS date_key,
       coalesce(m.media_type_key, 0)                                               AS media_type_key,
       i.source,
       i.updated_at
FROM public.queue_interval_effective i
JOIN reporting.kpi_settings s ON s.queue_id = i.queue_id AND s.media_type = i.media_type
LEFT JOIN public.queue q ON q.queue_id = i.queue_id
LEFT JOIN reporting.dim_media_type m ON m.media_type = i.media_type;
COMMENT ON VIEW reporting.queue_interval IS
    'Queue interval rows at base granularity (the API row in snake_case) with derived service_level, asa_seconds, '
    'aht_seconds and abandon_rate (null when the denominator is 0). Sum the components, not the derived values, '
    'for coarser granularities. Java KPI definitions are authoritative.';

CREATE VIEW reporting.agent_interval AS
SELECT a.user_id,
       a.interval_start,
       a.interval_end,
       a.handled,
       a.handle_ms,
       a.talk_ms,
       a.hold_ms,
       a.acw_ms,
       a.idle_ms,
       a.interacting_ms,
       a.communicating_ms,
       a.not_responding_ms,
       a.off_queue_ms,
       a.other_ms,
       a.handle_ms::double precision / nullif(a.handled, 0) / 1000                                     AS aht_seconds,
       a.interacting_ms::double precision / nullif(a.interacting_ms + a.idle_ms + a.communicating_ms, 0) AS occupancy,
       a.is_final,
       a.revision,
       u.name                                                                   AS agent_name,
       (extract(epoch FROM a.interval_end - a.interval_start) / 60)::integer   AS interval_minutes,
       to_char(a.interval_start AT TIME ZONE 'UTC', 'YYYYMMDD')::integer       AS date_key,
       a.updated_at
FROM public.agent_interval a
LEFT JOIN public.app_user u ON u.user_id = a.user_id;
COMMENT ON VIEW reporting.agent_interval IS
    'Agent interval rows per user at base granularity with derived aht_seconds and occupancy '
    '(INTERACTING / (INTERACTING + IDLE + COMMUNICATING)). Java KPI definitions are authoritative.';

CREATE VIEW reporting.queue_realtime AS
WITH keys AS (
    SELECT queue_id, media_type FROM public.acd_session
    WHERE ended_at IS NULL AND NOT expired AND started_at IS NOT NULL AND queue_id IS NOT NULL AND media_type IS NOT NULL
    UNION
    SELECT queue_id, media_type FROM public.agent_segment
    WHERE interacting AND queue_id IS NOT NULL AND media_type IS NOT NULL
    UNION
    SELECT queue_id, media_type FROM public.queue_media_sl
),
waiting AS (
    SELECT queue_id, media_type, count(*) AS waiting, min(started_at) AS earliest
    FROM public.acd_session
    WHERE ended_at IS NULL AND NOT expired AND started_at IS NOT NULL
    GROUP BY queue_id, media_type
),
interacting AS (
    SELECT queue_id, media_type, count(*) AS interacting
    FROM public.agent_segment
    WHERE interacting
    GROUP BY queue_id, media_type
),
agents AS (
    SELECT q.queue_id,
           count(*) AS agents_on_queue,
           count(*) FILTER (WHERE upper(st.routing_status) = 'IDLE') AS agents_available
    FROM (SELECT DISTINCT queue_id FROM keys) q
    JOIN public.agent_state st
      ON st.active_queue_ids @> ARRAY[q.queue_id]
     AND upper(replace(st.presence, ' ', '_')) = 'ON_QUEUE'
    GROUP BY q.queue_id
)
SELECT k.queue_id,
       k.media_type,
       coalesce(w.waiting, 0)                                                    AS waiting,
       CASE WHEN w.earliest IS NULL THEN 0
            ELSE greatest(0, extract(epoch FROM now() - w.earliest))::bigint END AS longest_wait_seconds,
       coalesce(i.interacting, 0)                                                AS interacting,
       coalesce(a.agents_on_queue, 0)                                            AS agents_on_queue,
       coalesce(a.agents_available, 0)                                          AS agents_available,
       now()                                                                     AS as_of
FROM keys k
LEFT JOIN waiting w ON w.queue_id = k.queue_id AND w.media_type = k.media_type
LEFT JOIN interacting i ON i.queue_id = k.queue_id AND i.media_type = k.media_type
LEFT JOIN agents a ON a.queue_id = k.queue_id;
COMMENT ON VIEW reporting.queue_realtime IS
    'Real-time state per queue and media type: waiting ACD sessions, longest wait, interacting segments, agents on '
    'queue (presence ON_QUEUE with the queue active) and available (of those, routing status IDLE). agents_* are '
    'per queue, repeated for each media type.';

-- ---------------------------------------------------------------------------------------------------
-- Read-only role for BI tools: USAGE/SELECT on schema reporting only. Roles are cluster-wide, so create it
-- idempotently (and tolerate a concurrent creator, e.g. parallel test databases on one server).
-- A BI login is granted it: CREATE ROLE powerbi LOGIN PASSWORD '...' IN ROLE streamvane_reporting;
-- ---------------------------------------------------------------------------------------------------
DO $$
BEGIN
    IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'streamvane_reporting') THEN
        BEGIN
            CREATE ROLE streamvane_reporting NOLOGIN;
        EXCEPTION WHEN duplicate_object OR unique_violation THEN
            NULL;
        END;
    END IF;
END;
$$;

GRANT USAGE ON SCHEMA reporting TO streamvane_reporting;
GRANT SELECT ON ALL TABLES IN SCHEMA reporting TO streamvane_reporting;
ALTER DEFAULT PRIVILEGES IN SCHEMA reporting GRANT SELECT ON TABLES TO streamvane_reporting;
