-- asa_seconds and aht_seconds as the Java rule computes them (DerivedKpis: sum / (count * 1000), one division), so a
-- view row carries the very double the API, OData, the push sinks and the wallboard report. The former
-- sum / count / 1000 rounds twice and can differ in the last bit (handle_ms 3, handled 26: 1.153846153846154E-4 here,
-- 1.1538461538461538E-4 everywhere else); found by egress OneDefinitionPropertiesTest. Columns unchanged.
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
       to_char(i.interval_start AT TIME ZONE 'UTC', 'YYYYMMDD')::integer          AS date_key,
       coalesce(m.media_type_key, 0)                                               AS media_type_key,
       i.source,
       i.updated_at
FROM public.queue_interval_effective i
JOIN reporting.kpi_settings s ON s.queue_id = i.queue_id AND s.media_type = i.media_type
LEFT JOIN public.queue q ON q.queue_id = i.queue_id
LEFT JOIN reporting.dim_media_type m ON m.media_type = i.media_type;

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
       to_char(a.interval_start AT TIME ZONE 'UTC', 'YYYYMMDD')::integer       AS date_key,
       a.updated_at
FROM public.agent_interval a
LEFT JOIN public.app_user u ON u.user_id = a.user_id;
