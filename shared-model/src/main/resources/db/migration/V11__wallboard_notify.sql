-- Streamvane metrics store, part 11: commit-time notifications for real-time queue state.
-- The change log already notifies streamvane_kpi_changes for interval changes; waiting contacts, interacting
-- segments and agent states change without an interval change (an agent goes on queue, a contact waits), so the
-- tables behind reporting.queue_realtime notify streamvane_realtime_changes the same way: statement-level,
-- delivered at commit, one notification per transaction (PostgreSQL folds identical ones). Listeners (the live
-- wallboard) treat it as a hint and recompute; nothing depends on it for correctness.

CREATE FUNCTION streamvane_notify_realtime_changes()
    RETURNS trigger
    LANGUAGE plpgsql
AS $$
BEGIN
    PERFORM pg_notify('streamvane_realtime_changes', '');
    RETURN NULL;
END;
$$;

CREATE TRIGGER acd_session_notify
    AFTER INSERT OR UPDATE OR DELETE ON acd_session
    FOR EACH STATEMENT
    EXECUTE FUNCTION streamvane_notify_realtime_changes();

CREATE TRIGGER agent_segment_notify
    AFTER INSERT OR UPDATE OR DELETE ON agent_segment
    FOR EACH STATEMENT
    EXECUTE FUNCTION streamvane_notify_realtime_changes();

CREATE TRIGGER agent_state_notify
    AFTER INSERT OR UPDATE OR DELETE ON agent_state
    FOR EACH STATEMENT
    EXECUTE FUNCTION streamvane_notify_realtime_changes();
