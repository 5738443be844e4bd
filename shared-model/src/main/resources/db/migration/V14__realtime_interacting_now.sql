-- reporting.queue_realtime counted "interacting" from agent_segment.interacting, which records that a finished
-- segment had talk time: a historic flag, so the count only grew. Interacting now means an ACD session answered
-- (within the same 4 h bound that expires waiting sessions) whose agent segment on that queue has not completed.
CREATE OR REPLACE VIEW reporting.queue_realtime AS
WITH answered_open AS (
    -- Answered from the queue, and the agent's participation on that queue has not ended yet.
    SELECT s.queue_id, s.media_type
    FROM public.acd_session s
    WHERE s.outcome = 'ANSWERED' AND NOT s.expired AND s.queue_id IS NOT NULL AND s.media_type IS NOT NULL
      AND s.ended_at > now() - interval '4 hours'
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
