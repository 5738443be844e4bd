-- Queue metrics Genesys reports that Streamvane lacked (SPEC §2, the QueueMetric catalogue): alerts and missed
-- alerts (tAlert, tNotResponding), transfers (nTransferred, nBlindTransferred, nConsultTransferred), the counts
-- Genesys averages hold and ACW over (tHeld.count, tAcw.count), the waits of flow-outs and short abandons
-- (tFlowOut.sum, tShortAbandon.sum), abandons within the SL threshold, and dialing and contacting on their own
-- (tDialing, tContacting: already inside handle_ms).
-- Rows written before this migration hold 0 in the event-derived columns: a replay (POST /api/v1/admin/replay) over
-- the retained range recomputes them from raw_event. held, wrapped_up, dialing_ms and contacting_ms are filled here
-- from the agent segments.
-- queue_interval_api keeps the same columns in the same order, so queue_interval_effective's UNION stays aligned.
DO $$
DECLARE
    t text;
BEGIN
    FOREACH t IN ARRAY ARRAY['queue_interval', 'queue_interval_api'] LOOP
        EXECUTE format('ALTER TABLE %I
            ADD COLUMN abandoned_within_sl   bigint NOT NULL DEFAULT 0,
            ADD COLUMN short_abandon_wait_ms bigint NOT NULL DEFAULT 0,
            ADD COLUMN flow_out_wait_ms      bigint NOT NULL DEFAULT 0,
            ADD COLUMN held                  bigint NOT NULL DEFAULT 0,
            ADD COLUMN wrapped_up            bigint NOT NULL DEFAULT 0,
            ADD COLUMN alerts                bigint NOT NULL DEFAULT 0,
            ADD COLUMN alert_ms              bigint NOT NULL DEFAULT 0,
            ADD COLUMN not_responding        bigint NOT NULL DEFAULT 0,
            ADD COLUMN not_responding_ms     bigint NOT NULL DEFAULT 0,
            ADD COLUMN transferred           bigint NOT NULL DEFAULT 0,
            ADD COLUMN blind_transferred     bigint NOT NULL DEFAULT 0,
            ADD COLUMN consult_transferred   bigint NOT NULL DEFAULT 0,
            ADD COLUMN dialing_ms            bigint NOT NULL DEFAULT 0,
            ADD COLUMN contacting_ms         bigint NOT NULL DEFAULT 0', t);
    END LOOP;
END $$;

COMMENT ON COLUMN queue_interval.abandoned_within_sl IS 'Abandons with a wait at or under the SL threshold.';
COMMENT ON COLUMN queue_interval.short_abandon_wait_ms IS 'tShortAbandon.sum: Σ wait of the short abandons.';
COMMENT ON COLUMN queue_interval.flow_out_wait_ms IS 'tFlowOut.sum: Σ connectedDurationMs of FLOW_OUT acd.end.';
COMMENT ON COLUMN queue_interval.held IS 'tHeld.count: completed agent segments with hold time.';
COMMENT ON COLUMN queue_interval.wrapped_up IS 'tAcw.count: completed agent segments with an acw event.';
COMMENT ON COLUMN queue_interval.alerts IS 'tAlert.count: user.end events with alertingDurationMs > 0.';
COMMENT ON COLUMN queue_interval.alert_ms IS 'tAlert.sum: Σ alertingDurationMs of user.end events.';
COMMENT ON COLUMN queue_interval.not_responding IS
    'tNotResponding.count: alerts never answered that ended with disconnectType NO_ANSWER_TRANSFER.';
COMMENT ON COLUMN queue_interval.not_responding_ms IS 'tNotResponding.sum: their alerting time.';
COMMENT ON COLUMN queue_interval.transferred IS
    'nTransferred: answered participations that ended in a transfer (blind, consult, conference, forward).';
COMMENT ON COLUMN queue_interval.blind_transferred IS 'nBlindTransferred: of those, disconnectType TRANSFER.';
COMMENT ON COLUMN queue_interval.consult_transferred IS 'nConsultTransferred: of those, CONSULT_TRANSFER.';
COMMENT ON COLUMN queue_interval.dialing_ms IS 'tDialing.sum: dialing time of completed segments (part of handle).';
COMMENT ON COLUMN queue_interval.contacting_ms IS
    'tContacting.sum: contacting time of completed segments (part of handle).';

-- A segment keeps what it last contributed, so a range restatement reads it instead of re-deriving it.
ALTER TABLE agent_segment
    ADD COLUMN contributed_held       bigint NOT NULL DEFAULT 0,
    ADD COLUMN contributed_wrapped_up bigint NOT NULL DEFAULT 0,
    ADD COLUMN contributed_dialing_ms bigint NOT NULL DEFAULT 0,
    ADD COLUMN contributed_contacting_ms bigint NOT NULL DEFAULT 0;
UPDATE agent_segment
SET contributed_held = CASE WHEN hold_ms > 0 THEN 1 ELSE 0 END,
    contributed_wrapped_up = CASE WHEN wrapped_up THEN 1 ELSE 0 END,
    contributed_dialing_ms = dialing_ms,
    contributed_contacting_ms = contacting_ms
WHERE contributed_bucket IS NOT NULL AND (hold_ms > 0 OR wrapped_up OR dialing_ms > 0 OR contacting_ms > 0);
UPDATE queue_interval q
SET held = s.held, wrapped_up = s.wrapped_up, dialing_ms = s.dialing_ms, contacting_ms = s.contacting_ms
FROM (SELECT contributed_queue_id, contributed_media_type, contributed_bucket,
             sum(contributed_held) AS held, sum(contributed_wrapped_up) AS wrapped_up,
             sum(contributed_dialing_ms) AS dialing_ms, sum(contributed_contacting_ms) AS contacting_ms
      FROM agent_segment
      WHERE contributed_bucket IS NOT NULL AND contributed_queue_id IS NOT NULL
      GROUP BY 1, 2, 3) s
WHERE q.queue_id = s.contributed_queue_id AND q.media_type = s.contributed_media_type
  AND q.interval_start = s.contributed_bucket;
COMMENT ON COLUMN agent_segment.contributed_held IS 'tHeld.count the segment last added to its bucket (0 or 1).';
COMMENT ON COLUMN agent_segment.contributed_wrapped_up IS 'tAcw.count the segment last added to its bucket (0 or 1).';
COMMENT ON COLUMN agent_segment.contributed_dialing_ms IS 'Dialing time the segment last added to its bucket.';
COMMENT ON COLUMN agent_segment.contributed_contacting_ms IS 'Contacting time the segment last added to its bucket.';

-- queue_interval_effective lists the tables' columns when it is made, so it is made again, with the reporting views
-- built on it, by R__reporting_views.sql, which Flyway applies after this file.
