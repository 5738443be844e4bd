-- Time in system presence per agent and interval, beside time in routing status, and the last state of each history
-- counted up to the watermark (counted_until), so every interval of an agent's span has its time in status, not
-- only the intervals where the agent's events landed. Columns follow the AgentMetric catalogue.
DO $$
DECLARE
    p text;
BEGIN
    FOREACH p IN ARRAY ARRAY['available', 'away', 'busy', 'offline', 'idle', 'on_queue', 'meal', 'training',
                             'meeting', 'break', 'other'] LOOP
        EXECUTE format('ALTER TABLE agent_interval ADD COLUMN IF NOT EXISTS presence_%s_ms bigint NOT NULL DEFAULT 0',
                       p);
    END LOOP;
END $$;

ALTER TABLE routing_status_history ADD COLUMN counted_until timestamptz;
UPDATE routing_status_history SET counted_until = started_at WHERE ended_at IS NULL;
ALTER TABLE routing_status_history
    ADD CONSTRAINT routing_status_history_counted_ck CHECK ((ended_at IS NULL) = (counted_until IS NOT NULL)
        AND (counted_until IS NULL OR counted_until >= started_at));
CREATE INDEX routing_status_history_open_idx ON routing_status_history (counted_until) WHERE ended_at IS NULL;
COMMENT ON COLUMN routing_status_history.counted_until IS
    'For the open last row only: how far its time is counted in agent_interval (the watermark''s bucket start, '
    'or a later start of the next row).';

CREATE TABLE presence_history (
    user_id       text        NOT NULL,
    started_at    timestamptz NOT NULL,
    status        text        NOT NULL,
    ended_at      timestamptz,
    counted_until timestamptz,
    recorded_at   timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT presence_history_pk PRIMARY KEY (user_id, started_at),
    CONSTRAINT presence_history_order_ck CHECK (ended_at IS NULL OR ended_at >= started_at),
    CONSTRAINT presence_history_counted_ck CHECK ((ended_at IS NULL) = (counted_until IS NOT NULL)
        AND (counted_until IS NULL OR counted_until >= started_at))
);
CREATE INDEX presence_history_started_idx ON presence_history (started_at);
CREATE INDEX presence_history_open_idx ON presence_history (counted_until) WHERE ended_at IS NULL;
COMMENT ON TABLE presence_history IS
    'System presence changes per agent (status: the canonical system presence, or the presence definition id when '
    'its system presence is unknown); a presence lasts until the next start, the last one until counted_until. '
    'Written by the engine; read to compute time in presence per interval, order independently. Bounded like '
    'routing_status_history.';

-- Each agent's current presence is a known start: the history begins there.
INSERT INTO presence_history (user_id, started_at, status, counted_until)
SELECT user_id, presence_time, presence, presence_time FROM agent_state
WHERE presence IS NOT NULL AND presence_time IS NOT NULL;

-- Genesys's time in routing status and in system presence beside the events', per user, interval, metric and
-- qualifier. The event column is named by the AgentMetric rule: <status>_ms, presence_<presence>_ms.
DROP VIEW agent_status_drift;
CREATE VIEW agent_status_drift AS
SELECT a.user_id, a.interval_start, a.metric, a.qualifier, a.value_ms AS api_ms,
       (to_jsonb(e) ->> (CASE a.metric WHEN 'tSystemPresence' THEN 'presence_' ELSE '' END
                         || lower(a.qualifier) || '_ms'))::bigint AS events_ms
FROM agent_interval_api a
LEFT JOIN agent_interval e ON e.user_id = a.user_id AND e.interval_start = a.interval_start
WHERE a.metric IN ('tAgentRoutingStatus', 'tSystemPresence');
COMMENT ON VIEW agent_status_drift IS
    'Agent time in routing status and in system presence, Genesys (api_ms) against events (events_ms), per user x '
    'interval x metric x qualifier.';
