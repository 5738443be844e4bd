-- Agent segments follow Genesys' phases (SPEC §2): interacting and held are disjoint, so talk_ms is now
-- Σ interactingDurationMs instead of interacting − held, and handle time adds the dialing and contacting of outbound
-- and callbacks. A segment row keeps those sums so later events fold onto it, and keeps the handle time it contributed,
-- which is no longer talk + hold + ACW, so a range restatement reads it instead of re-deriving it.
-- Rows written before this migration hold talk under the old rule: a replay (POST /api/v1/admin/replay) over the
-- retained range refolds them from raw_event and restates their intervals.
ALTER TABLE agent_segment
    ADD COLUMN dialing_ms            bigint NOT NULL DEFAULT 0,
    ADD COLUMN contacting_ms         bigint NOT NULL DEFAULT 0,
    ADD COLUMN contributed_handle_ms bigint NOT NULL DEFAULT 0;

UPDATE agent_segment
SET contributed_handle_ms = contributed_talk_ms + contributed_hold_ms + contributed_acw_ms
WHERE contributed_talk_ms + contributed_hold_ms + contributed_acw_ms <> 0;

COMMENT ON COLUMN agent_segment.dialing_ms IS 'Σ dialingDurationMs of the segment''s user.end events (part of handle).';
COMMENT ON COLUMN agent_segment.contacting_ms IS
    'Σ contactingDurationMs of the segment''s user.end events (part of handle).';
COMMENT ON COLUMN agent_segment.contributed_handle_ms IS
    'Handle time the segment last added to its bucket: talk + hold + ACW + dialing + contacting.';
