-- The inbox payload is written by ingress and read by the engine's parser, never queried: jsonb made PostgreSQL
-- parse it on every insert and print it again on every claim, a tenth of the database time of a projected event.
ALTER TABLE engine_inbox ALTER COLUMN payload TYPE text USING payload::text;
COMMENT ON COLUMN engine_inbox.payload IS
    'What the engine needs to project the event: the Notification envelope as JSON text (ingress wrote it from the '
    'parsed event; the engine parses it once when it claims the row). Text, not jsonb: nothing queries it.';

-- Shards: every event of one conversation (or of one agent's own topics) in one shard; a projecting
-- transaction takes a few shards (advisory locks), so two engine workers never wait for each other on the same segment or history rows.
-- The claim walks shards 0-15 only: a row outside them would never be projected, so the range is a constraint
-- (changing InboxShard.COUNT needs a migration that moves the waiting rows).
ALTER TABLE engine_inbox ADD COLUMN shard smallint NOT NULL DEFAULT 0
    CONSTRAINT engine_inbox_shard_ck CHECK (shard >= 0 AND shard < 16);
CREATE INDEX engine_inbox_shard_seq_idx ON engine_inbox (shard, seq);
COMMENT ON COLUMN engine_inbox.shard IS
    'Inbox shard, 0-15 (InboxShard: a hash of the conversation id, else the user id, else the queue id). The engine '
    'claims from up to 4 shards per transaction, holding pg_try_advisory_xact_lock(hashtext(''streamvane_inbox_shard''), '
    'shard); rows written without one are in shard 0.';
