-- The current definition of the views whose columns follow the interval columns and the KPI settings: edit them
-- here, never in a new versioned migration. Flyway re-applies this file after the versioned ones whenever it changes
-- (a repeatable migration), so each view is written once. Columns are only ever added, at the end: BI models bind
-- them by name.

-- queue_interval with the gap policy applied. It lists the tables' columns when it is made, so it is dropped and made
-- again here (with the views on it) whenever this file changes, and a new interval column shows in every view below.
DROP VIEW IF EXISTS public.queue_interval_effective CASCADE;
CREATE VIEW public.queue_interval_effective AS
SELECT e.*, 'events'::text AS source
FROM public.queue_interval e
WHERE NOT EXISTS (
    SELECT 1
    FROM public.queue_interval_api a
    JOIN public.ingest_gap g
      ON g.status <> 'dismissed' AND g.gap_start < a.interval_end AND g.gap_end > a.interval_start
    WHERE a.queue_id = e.queue_id AND a.media_type = e.media_type AND a.interval_start = e.interval_start)
UNION ALL
SELECT a.*, 'api'::text AS source
FROM public.queue_interval_api a
WHERE EXISTS (
    SELECT 1 FROM public.ingest_gap g
    WHERE g.status <> 'dismissed' AND g.gap_start < a.interval_end AND g.gap_end > a.interval_start);
COMMENT ON VIEW public.queue_interval_effective IS
    'queue_interval with the gap policy applied: the API row replaces the event row for intervals that overlap a '
    'non-dismissed ingest_gap; everywhere else the event-sourced row stands. source = events | api.';

-- Effective settings per queue and media type, layered as ServiceLevelPolicy layers them (pinned to the Java rule
-- by a property test), with the zone of the row's local periods and its SL target.
CREATE OR REPLACE VIEW reporting.kpi_settings AS
SELECT k.queue_id,
       k.media_type,
       coalesce(oqm.sl_threshold_ms, oq.sl_threshold_ms, qms.sl_threshold_ms, om.sl_threshold_ms,
                og.sl_threshold_ms)                                                     AS sl_threshold_ms,
       coalesce(oqm.short_abandon_threshold_ms, oq.short_abandon_threshold_ms, om.short_abandon_threshold_ms,
                og.short_abandon_threshold_ms)                                          AS short_abandon_threshold_ms,
       coalesce(oqm.include_abandons, oq.include_abandons, om.include_abandons, og.include_abandons)
                                                                                        AS include_abandons,
       coalesce(oqm.exclude_short_abandons, oq.exclude_short_abandons, om.exclude_short_abandons,
                og.exclude_short_abandons)                                              AS exclude_short_abandons,
       coalesce(oqm.include_flow_outs, oq.include_flow_outs, om.include_flow_outs, og.include_flow_outs)
                                                                                        AS include_flow_outs,
       coalesce(tz.time_zone, (SELECT time_zone FROM public.kpi_setting), 'UTC')         AS time_zone,
       coalesce(qms.sl_target_percent::double precision / 100, (SELECT sl_target FROM public.kpi_setting))
                                                                                        AS sl_target
FROM (SELECT DISTINCT queue_id, media_type FROM public.queue_interval_effective
      UNION
      SELECT queue_id, media_type FROM public.queue_media_sl) k
LEFT JOIN public.queue_media_sl qms ON qms.queue_id = k.queue_id AND qms.media_type = k.media_type
LEFT JOIN public.sl_settings_override og ON og.queue_id IS NULL AND og.media_type IS NULL
LEFT JOIN public.sl_settings_override om ON om.queue_id IS NULL AND om.media_type = k.media_type
LEFT JOIN public.sl_settings_override oq ON oq.queue_id = k.queue_id AND oq.media_type IS NULL
LEFT JOIN public.sl_settings_override oqm ON oqm.queue_id = k.queue_id AND oqm.media_type = k.media_type
LEFT JOIN public.queue_time_zone tz ON tz.queue_id = k.queue_id;
COMMENT ON VIEW reporting.kpi_settings IS
    'Effective KPI settings per queue and media type, layered as the services layer them: queue+media override > '
    'queue override > Genesys queue SL threshold (threshold only) > media override > global settings; the time '
    'zone its local periods are reported in (queue zone > default; UTC before any service published); and the SL '
    'target (Genesys queue target > streamvane.kpi.sl-target; null before any service published).';

-- date_key is the local date of the row's site time zone, so a BI day is the site's day.
CREATE OR REPLACE VIEW reporting.queue_interval AS
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
       i.answer_wait_ms::double precision / (nullif(i.answered, 0) * 1000)        AS asa_seconds,
       i.handle_ms::double precision / (nullif(i.handled, 0) * 1000)              AS aht_seconds,
       i.abandoned::double precision / nullif(i.offered, 0)                       AS abandon_rate,
       i.is_final,
       i.revision,
       q.name                                                                      AS queue_name,
       (extract(epoch FROM i.interval_end - i.interval_start) / 60)::integer      AS interval_minutes,
       s.sl_threshold_ms / 1000.0                                                  AS sl_threshold_seconds,
       to_char(i.interval_start AT TIME ZONE s.time_zone, 'YYYYMMDD')::integer    AS date_key,
       coalesce(m.media_type_key, 0)                                               AS media_type_key,
       i.source,
       i.updated_at,
       s.time_zone,
       i.interval_start AT TIME ZONE s.time_zone                                   AS interval_start_local,
       i.interval_end AT TIME ZONE s.time_zone                                     AS interval_end_local,
       s.sl_target,
       i.abandoned_within_sl,
       i.short_abandon_wait_ms,
       i.flow_out_wait_ms,
       i.held,
       i.wrapped_up,
       i.alerts,
       i.alert_ms,
       i.not_responding,
       i.not_responding_ms,
       i.transferred,
       i.blind_transferred,
       i.consult_transferred,
       i.dialing_ms,
       i.contacting_ms,
       i.answered - i.answered_within_sl                                           AS over_sla,
       i.transferred::double precision / nullif(i.answered, 0)                    AS transfer_rate
FROM public.queue_interval_effective i
JOIN reporting.kpi_settings s ON s.queue_id = i.queue_id AND s.media_type = i.media_type
LEFT JOIN public.queue q ON q.queue_id = i.queue_id
LEFT JOIN reporting.dim_media_type m ON m.media_type = i.media_type;
COMMENT ON VIEW reporting.queue_interval IS
    'Queue interval rows at base granularity (the API row in snake_case: every component of the metric catalogue, '
    'docs/metrics.md) with the derived service_level, asa_seconds, aht_seconds, abandon_rate, over_sla and '
    'transfer_rate (ratios null when the denominator is 0). Sum the components, not the derived values, for coarser '
    'granularities. Java KPI definitions are authoritative.';

-- Agents report in the default zone (an agent works for many queues).
CREATE OR REPLACE VIEW reporting.agent_interval AS
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
       a.handle_ms::double precision / (nullif(a.handled, 0) * 1000)                                   AS aht_seconds,
       a.interacting_ms::double precision / nullif(a.interacting_ms + a.idle_ms + a.communicating_ms, 0) AS occupancy,
       a.is_final,
       a.revision,
       u.name                                                                   AS agent_name,
       (extract(epoch FROM a.interval_end - a.interval_start) / 60)::integer   AS interval_minutes,
       to_char(a.interval_start AT TIME ZONE z.time_zone, 'YYYYMMDD')::integer AS date_key,
       a.updated_at,
       z.time_zone,
       a.interval_start AT TIME ZONE z.time_zone                                AS interval_start_local,
       a.interval_end AT TIME ZONE z.time_zone                                  AS interval_end_local,
       a.presence_available_ms,
       a.presence_away_ms,
       a.presence_busy_ms,
       a.presence_offline_ms,
       a.presence_idle_ms,
       a.presence_on_queue_ms,
       a.presence_meal_ms,
       a.presence_training_ms,
       a.presence_meeting_ms,
       a.presence_break_ms,
       a.presence_other_ms,
       a.interacting_ms::double precision / nullif(a.presence_available_ms + a.presence_away_ms + a.presence_busy_ms
           + a.presence_idle_ms + a.presence_on_queue_ms + a.presence_meal_ms + a.presence_training_ms
           + a.presence_meeting_ms + a.presence_break_ms + a.presence_other_ms, 0)             AS utilization
FROM public.agent_interval a
CROSS JOIN (SELECT coalesce((SELECT time_zone FROM public.kpi_setting), 'UTC') AS time_zone) z
LEFT JOIN public.app_user u ON u.user_id = a.user_id;

-- An agent's work per queue and media, in the default zone like the agent rows.
CREATE OR REPLACE VIEW reporting.agent_queue_interval AS
SELECT a.user_id,
       a.queue_id,
       a.media_type,
       a.interval_start,
       a.interval_end,
       a.handled,
       a.handle_ms,
       a.talk_ms,
       a.hold_ms,
       a.acw_ms,
       a.held,
       a.wrapped_up,
       a.alerts,
       a.alert_ms,
       a.not_responding,
       a.not_responding_ms,
       a.transferred,
       a.blind_transferred,
       a.consult_transferred,
       a.dialing_ms,
       a.contacting_ms,
       a.is_final,
       a.revision,
       u.name                                                                   AS agent_name,
       coalesce(q.name, a.queue_id)                                             AS queue_name,
       (extract(epoch FROM a.interval_end - a.interval_start) / 60)::integer   AS interval_minutes,
       to_char(a.interval_start AT TIME ZONE z.time_zone, 'YYYYMMDD')::integer AS date_key,
       z.time_zone,
       a.interval_start AT TIME ZONE z.time_zone                                AS interval_start_local,
       a.updated_at
FROM public.agent_queue_interval a
CROSS JOIN (SELECT coalesce((SELECT time_zone FROM public.kpi_setting), 'UTC') AS time_zone) z
LEFT JOIN public.app_user u ON u.user_id = a.user_id
LEFT JOIN public.queue q ON q.queue_id = a.queue_id;
COMMENT ON VIEW reporting.agent_queue_interval IS
    'Per agent x queue x media x base bucket: handle components, alerts, not responding and transfers (the queue '
    'catalogue entries an agent''s own events complete, docs/metrics.md). Sum the components for coarser periods; '
    'AHT = handle_ms / handled, transfer rate = transferred / handled.';

-- One row per agent and local day (the default zone): time logged in (any presence but Offline), on queue, on break
-- and at meal, the day's handle components and routing-status times, and the first log-in and last log-out of the
-- day from the presence history.
CREATE OR REPLACE VIEW reporting.agent_day AS
WITH z AS (SELECT coalesce((SELECT time_zone FROM public.kpi_setting), 'UTC') AS time_zone),
days AS (
    SELECT a.user_id,
           (a.interval_start AT TIME ZONE z.time_zone)::date AS local_date,
           z.time_zone,
           sum(a.presence_available_ms + a.presence_away_ms + a.presence_busy_ms + a.presence_idle_ms
               + a.presence_on_queue_ms + a.presence_meal_ms + a.presence_training_ms + a.presence_meeting_ms
               + a.presence_break_ms + a.presence_other_ms)::bigint AS logged_in_ms,
           sum(a.presence_on_queue_ms)::bigint AS on_queue_ms,
           sum(a.presence_break_ms)::bigint    AS break_ms,
           sum(a.presence_meal_ms)::bigint     AS meal_ms,
           sum(a.handled)::bigint              AS handled,
           sum(a.handle_ms)::bigint            AS handle_ms,
           sum(a.idle_ms)::bigint              AS idle_ms,
           sum(a.interacting_ms)::bigint       AS interacting_ms,
           sum(a.communicating_ms)::bigint     AS communicating_ms,
           sum(a.not_responding_ms)::bigint    AS not_responding_ms,
           bool_and(a.is_final)                AS is_final
    FROM public.agent_interval a
    CROSS JOIN z
    GROUP BY a.user_id, (a.interval_start AT TIME ZONE z.time_zone)::date, z.time_zone)
SELECT d.user_id,
       u.name                                           AS agent_name,
       d.local_date,
       to_char(d.local_date, 'YYYYMMDD')::integer       AS date_key,
       d.time_zone,
       (SELECT min(h.started_at) FROM public.presence_history h
        WHERE h.user_id = d.user_id AND h.status <> 'OFFLINE'
          AND (h.started_at AT TIME ZONE d.time_zone)::date = d.local_date) AS first_login,
       (SELECT max(h.started_at) FROM public.presence_history h
        WHERE h.user_id = d.user_id AND h.status = 'OFFLINE'
          AND (h.started_at AT TIME ZONE d.time_zone)::date = d.local_date) AS last_logout,
       d.logged_in_ms,
       d.on_queue_ms,
       d.break_ms,
       d.meal_ms,
       d.handled,
       d.handle_ms,
       d.idle_ms,
       d.interacting_ms,
       d.communicating_ms,
       d.not_responding_ms,
       d.interacting_ms::double precision / nullif(d.interacting_ms + d.idle_ms + d.communicating_ms, 0) AS occupancy,
       d.is_final,
       d.interacting_ms::double precision / nullif(d.logged_in_ms, 0) AS utilization
FROM days d
LEFT JOIN public.app_user u ON u.user_id = d.user_id;
COMMENT ON VIEW reporting.agent_day IS
    'Per agent and local day (streamvane.kpi.time-zone): logged-in time (every presence but Offline), on queue, '
    'break and meal time, handle and routing-status times summed from agent_interval, occupancy, and the day''s '
    'first log-in (first change to a presence other than Offline) and last log-out (last change to Offline).';
