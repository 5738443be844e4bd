-- Per agent x queue x media x base bucket: the queue components an agent's own events complete (handle, alerts,
-- not responding, transfers; QueueMetric.byAgent), so a WFM analyst sees each agent's work per queue.
CREATE TABLE agent_queue_interval (
    user_id             text        NOT NULL,
    queue_id            text        NOT NULL,
    media_type          text        NOT NULL,
    interval_start      timestamptz NOT NULL,
    interval_end        timestamptz NOT NULL,
    handled             bigint      NOT NULL DEFAULT 0,
    handle_ms           bigint      NOT NULL DEFAULT 0,
    talk_ms             bigint      NOT NULL DEFAULT 0,
    hold_ms             bigint      NOT NULL DEFAULT 0,
    acw_ms              bigint      NOT NULL DEFAULT 0,
    held                bigint      NOT NULL DEFAULT 0,
    wrapped_up          bigint      NOT NULL DEFAULT 0,
    alerts              bigint      NOT NULL DEFAULT 0,
    alert_ms            bigint      NOT NULL DEFAULT 0,
    not_responding      bigint      NOT NULL DEFAULT 0,
    not_responding_ms   bigint      NOT NULL DEFAULT 0,
    transferred         bigint      NOT NULL DEFAULT 0,
    blind_transferred   bigint      NOT NULL DEFAULT 0,
    consult_transferred bigint      NOT NULL DEFAULT 0,
    dialing_ms          bigint      NOT NULL DEFAULT 0,
    contacting_ms       bigint      NOT NULL DEFAULT 0,
    revision            integer     NOT NULL DEFAULT 0,
    is_final            boolean     NOT NULL DEFAULT false,
    finalised_at        timestamptz,
    updated_at          timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT agent_queue_interval_pk PRIMARY KEY (user_id, queue_id, media_type, interval_start),
    CONSTRAINT agent_queue_interval_bounds_ck CHECK (interval_end > interval_start)
);
CREATE INDEX agent_queue_interval_start_idx ON agent_queue_interval (interval_start);
CREATE INDEX agent_queue_interval_open_idx ON agent_queue_interval (interval_end) WHERE NOT is_final;
COMMENT ON TABLE agent_queue_interval IS
    'Per agent x queue x media x base bucket: the components of the queue metric catalogue an agent''s own events '
    'complete (segment handle components, alerts, not responding, transfers). Written by the engine, read by the '
    'API, OData and reporting. Bounded by interval retention.';

-- Rows before this migration: the handle columns from what each segment contributed; alerts and transfers come back
-- with a replay of the retained range.
INSERT INTO agent_queue_interval (user_id, queue_id, media_type, interval_start, interval_end, handled, handle_ms,
                                  talk_ms, hold_ms, acw_ms, held, wrapped_up, dialing_ms, contacting_ms, revision)
SELECT contributed_user_id, contributed_queue_id, coalesce(contributed_media_type, 'unknown'), contributed_bucket,
       -- the base bucket's length, as the agent rows these segments also went to have it
       contributed_bucket + (SELECT interval_end - interval_start FROM agent_interval LIMIT 1),
       sum(contributed_handled), sum(contributed_handle_ms), sum(contributed_talk_ms), sum(contributed_hold_ms),
       sum(contributed_acw_ms), sum(contributed_held), sum(contributed_wrapped_up), sum(contributed_dialing_ms),
       sum(contributed_contacting_ms), 1
FROM agent_segment
WHERE contributed_bucket IS NOT NULL AND contributed_user_id IS NOT NULL AND contributed_queue_id IS NOT NULL
  AND EXISTS (SELECT 1 FROM agent_interval)
GROUP BY contributed_user_id, contributed_queue_id, coalesce(contributed_media_type, 'unknown'), contributed_bucket;

ALTER TABLE kpi_change_log DROP CONSTRAINT kpi_change_log_kind_ck;
ALTER TABLE kpi_change_log ADD CONSTRAINT kpi_change_log_kind_ck CHECK (
    (row_kind = 'queue' AND queue_id IS NOT NULL AND media_type IS NOT NULL AND user_id IS NULL)
    OR (row_kind = 'agent' AND user_id IS NOT NULL AND queue_id IS NULL)
    OR (row_kind = 'agent_queue' AND user_id IS NOT NULL AND queue_id IS NOT NULL AND media_type IS NOT NULL));
