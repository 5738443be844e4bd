-- Replay refolds every agent segment of a chunk from all its events within the segment span (12 h either side):
-- found by conversation through this index instead of extracting both ids from every segment event of that window
-- for every chunk. Partial: only the three segment topics, the ones replay looks up this way.
-- On a large raw_event this builds for a while and holds off ingest inserts meanwhile (an index on a partitioned
-- table cannot be built CONCURRENTLY); deploy.md says when to run it.
CREATE INDEX raw_event_segment_idx ON raw_event ((body->>'conversationId'), event_time)
    WHERE topic_kind IN ('USER_START', 'USER_END', 'ACW');
COMMENT ON INDEX raw_event_segment_idx IS
    'Segment events (user.start, user.end, acw) by conversation and time: replay reads each segment of a chunk whole.';
