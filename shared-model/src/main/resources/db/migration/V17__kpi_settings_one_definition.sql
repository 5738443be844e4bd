-- One definition of every KPI setting, in the store (issue: one settings tree every surface reads).
--
-- kpi_setting holds the streamvane.kpi scalars every service is configured with. The first service to start
-- writes them; every later start compares its own configuration with them and refuses to start on a difference
-- (the engine, whose projection they shape, may change them). SQL consumers read them here instead of restating
-- a constant.
CREATE TABLE kpi_setting (
    singleton              boolean     NOT NULL DEFAULT true,
    base_granularity       text        NOT NULL,
    allowed_lateness_ms    bigint      NOT NULL,
    acd_session_expiry_ms  bigint      NOT NULL,
    source_idle_timeout_ms bigint      NOT NULL,
    published_by           text        NOT NULL,
    published_at           timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT kpi_setting_pk PRIMARY KEY (singleton),
    CONSTRAINT kpi_setting_singleton_ck CHECK (singleton),
    CONSTRAINT kpi_setting_durations_ck CHECK (allowed_lateness_ms >= 0 AND acd_session_expiry_ms > 0
                                               AND source_idle_timeout_ms > 0)
);
COMMENT ON TABLE kpi_setting IS
    'The streamvane.kpi settings (base granularity, allowed lateness, ACD-session expiry, source idle timeout) as '
    'published at service start-up; one row. Written at start-up, read by every service and the reporting views.';

-- sl_settings_override now holds the configured service-level layers exactly: a null field inherits from the layer
-- below, for the three options as for the thresholds; the global row (both keys null) is complete, the SPEC
-- defaults already applied by the service that published it, so no default is restated in SQL.
ALTER TABLE sl_settings_override
    ALTER COLUMN include_abandons DROP NOT NULL, ALTER COLUMN include_abandons DROP DEFAULT,
    ALTER COLUMN exclude_short_abandons DROP NOT NULL, ALTER COLUMN exclude_short_abandons DROP DEFAULT,
    ALTER COLUMN include_flow_outs DROP NOT NULL, ALTER COLUMN include_flow_outs DROP DEFAULT;
COMMENT ON TABLE sl_settings_override IS
    'The configured service-level layers (streamvane.kpi.service-level) by scope: global (complete), media type, '
    'queue, queue+media type; a null field inherits. Replaced as a whole at start-up by the service that publishes '
    'the settings; read by every service and the reporting views. Bounded by queues x media.';

-- The layering of ServiceLevelPolicy, field by field: defaults < global < media < synced Genesys threshold
-- < queue < queue+media (the synced threshold only for the threshold). Pinned to the Java rule by a property test.
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
                                                                                        AS include_flow_outs
FROM (SELECT DISTINCT queue_id, media_type FROM public.queue_interval_effective
      UNION
      SELECT queue_id, media_type FROM public.queue_media_sl) k
LEFT JOIN public.queue_media_sl qms ON qms.queue_id = k.queue_id AND qms.media_type = k.media_type
LEFT JOIN public.sl_settings_override og ON og.queue_id IS NULL AND og.media_type IS NULL
LEFT JOIN public.sl_settings_override om ON om.queue_id IS NULL AND om.media_type = k.media_type
LEFT JOIN public.sl_settings_override oq ON oq.queue_id = k.queue_id AND oq.media_type IS NULL
LEFT JOIN public.sl_settings_override oqm ON oqm.queue_id = k.queue_id AND oqm.media_type = k.media_type;
COMMENT ON VIEW reporting.kpi_settings IS
    'Effective KPI settings per queue and media type, layered as the services layer them: queue+media override > '
    'queue override > Genesys queue SL threshold (threshold only) > media override > global settings.';

-- Interacting now: answered ACD sessions within the configured ACD-session expiry (was a literal 4 hours).
CREATE OR REPLACE VIEW reporting.queue_realtime AS
WITH answered_open AS (
    -- Answered from the queue, and the agent's participation on that queue has not ended yet.
    SELECT s.queue_id, s.media_type
    FROM public.acd_session s
    WHERE s.outcome = 'ANSWERED' AND NOT s.expired AND s.queue_id IS NOT NULL AND s.media_type IS NOT NULL
      AND s.ended_at > now() - (SELECT make_interval(secs => acd_session_expiry_ms / 1000.0) FROM public.kpi_setting)
      AND NOT EXISTS (SELECT 1 FROM public.agent_segment g
                      WHERE g.conversation_id = s.conversation_id AND g.queue_id = s.queue_id
                        AND g.completion_time IS NOT NULL)
),
keys AS (
    SELECT queue_id, media_type FROM public.acd_session
    WHERE ended_at IS NULL AND NOT expired AND started_at IS NOT NULL AND queue_id IS NOT NULL AND media_type IS NOT NULL
    UNION
    SELECT queue_id, media_type FROM answered_open
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
    FROM answered_open
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
    'Real-time state per queue and media type: waiting ACD sessions, longest wait, interactions answered and not '
    'yet ended by the agent, agents on queue (presence ON_QUEUE with the queue active) and available (of those, '
    'routing status IDLE). agents_* are per queue, repeated for each media type.';
