-- Streamvane metrics store, part 1: the durable record of accepted events and the engine's work queue.
-- One schema owner, one Flyway history table: every service runs these same scripts (STACK.md trap 9).
-- Times are timestamptz; partition and bucket boundaries are UTC.

-- ---------------------------------------------------------------------------------------------------
-- raw_event: every accepted event exactly once, partitioned by day of event time.
-- ---------------------------------------------------------------------------------------------------
CREATE TABLE raw_event (
    id              bigint      GENERATED ALWAYS AS IDENTITY,
    identity_digest bytea       NOT NULL,
    identity_key    text        NOT NULL,
    topic_kind      text        NOT NULL,
    topic_name      text        NOT NULL,
    event_time      timestamptz NOT NULL,
    received_at     timestamptz NOT NULL DEFAULT now(),
    source          text        NOT NULL,
    envelope        jsonb,
    body            jsonb       NOT NULL,
    late            boolean     NOT NULL DEFAULT false,
    CONSTRAINT raw_event_pk PRIMARY KEY (id, event_time),
    -- Semantic dedup: the identity includes the event time, so a duplicate always lands in the same
    -- partition and INSERT ... ON CONFLICT (identity_digest, event_time) DO NOTHING finds it.
    CONSTRAINT raw_event_identity_uq UNIQUE (identity_digest, event_time),
    CONSTRAINT raw_event_digest_len_ck CHECK (octet_length(identity_digest) = 32),
    CONSTRAINT raw_event_source_ck CHECK (source IN ('http', 'servicebus', 'websocket', 'simulator', 'api'))
) PARTITION BY RANGE (event_time);

COMMENT ON TABLE raw_event IS
    'Every accepted Genesys event once (semantic identity digest + event time), for replay and audit. '
    'Written by ingress (INSERT ... ON CONFLICT DO NOTHING), read by replay. Daily partitions by event_time, '
    'bounded by streamvane_drop_raw_partitions_before (retention job).';
COMMENT ON COLUMN raw_event.identity_digest IS 'SHA-256 of identity_key (32 bytes).';
COMMENT ON COLUMN raw_event.identity_key IS 'Human-readable semantic identity, e.g. acd.start|conv|session|eventTime.';
COMMENT ON COLUMN raw_event.envelope IS 'Envelope ids and trace data (envelope kind, ids, correlation id); not used for identity.';
COMMENT ON COLUMN raw_event.body IS 'The original eventBody as received.';
COMMENT ON COLUMN raw_event.late IS 'True when the event arrived after its interval was final (it restated the interval).';

-- Rows outside every daily partition land here, so an insert never fails. Keep it near empty:
-- streamvane_ensure_raw_partitions moves its rows into the partitions it creates.
CREATE TABLE raw_event_default PARTITION OF raw_event DEFAULT;
COMMENT ON TABLE raw_event_default IS
    'Catch-all partition of raw_event for event times outside the daily partitions; emptied into new '
    'partitions by streamvane_ensure_raw_partitions and purged by streamvane_drop_raw_partitions_before.';

CREATE INDEX raw_event_topic_time_idx ON raw_event (topic_kind, event_time);

-- Creates the missing daily partitions for the UTC days from_day..to_day (both inclusive) and returns how
-- many it created. Rows of those days already sitting in the default partition are moved into the new
-- partition (a default partition holding rows of a range blocks creating that range's partition).
-- The new table is filled and validated before ATTACH, which locks the parent only SHARE UPDATE EXCLUSIVE.
-- Serialised by an advisory lock, so concurrent callers (replicas of the retention job) are safe.
CREATE FUNCTION streamvane_ensure_raw_partitions(from_day date, to_day date)
    RETURNS integer
    LANGUAGE plpgsql
AS $$
DECLARE
    d       date;
    lo      timestamptz;
    hi      timestamptz;
    part    text;
    created integer := 0;
BEGIN
    IF from_day IS NULL OR to_day IS NULL OR to_day < from_day THEN
        RAISE EXCEPTION 'streamvane_ensure_raw_partitions: invalid range % .. %', from_day, to_day;
    END IF;
    PERFORM pg_advisory_xact_lock(hashtext('streamvane_raw_partitions'));
    d := from_day;
    WHILE d <= to_day LOOP
        part := 'raw_event_p' || to_char(d, 'YYYYMMDD');
        IF to_regclass(quote_ident(part)) IS NULL THEN
            lo := d::timestamp AT TIME ZONE 'UTC';
            hi := (d + 1)::timestamp AT TIME ZONE 'UTC';
            EXECUTE format('CREATE TABLE %I (LIKE raw_event INCLUDING DEFAULTS INCLUDING CONSTRAINTS)', part);
            EXECUTE format('WITH moved AS (DELETE FROM raw_event_default WHERE event_time >= $1 AND event_time < $2 RETURNING *) '
                           'INSERT INTO %I SELECT * FROM moved', part) USING lo, hi;
            -- A matching CHECK lets ATTACH skip scanning the new table.
            EXECUTE format('ALTER TABLE %I ADD CONSTRAINT %I CHECK (event_time >= %L AND event_time < %L)',
                           part, part || '_range_ck', lo, hi);
            EXECUTE format('ALTER TABLE raw_event ATTACH PARTITION %I FOR VALUES FROM (%L) TO (%L)', part, lo, hi);
            EXECUTE format('ALTER TABLE %I DROP CONSTRAINT %I', part, part || '_range_ck');
            created := created + 1;
        END IF;
        d := d + 1;
    END LOOP;
    RETURN created;
END;
$$;
COMMENT ON FUNCTION streamvane_ensure_raw_partitions(date, date) IS
    'Creates missing daily raw_event partitions for UTC days from_day..to_day inclusive, moving matching rows '
    'out of the default partition; returns the number created. Idempotent and safe to call concurrently.';

-- Drops every daily partition whose whole day lies before the given UTC day, and deletes default-partition
-- rows older than it. Returns the number of partitions dropped.
CREATE FUNCTION streamvane_drop_raw_partitions_before(day date)
    RETURNS integer
    LANGUAGE plpgsql
AS $$
DECLARE
    part    record;
    dropped integer := 0;
BEGIN
    IF day IS NULL THEN
        RAISE EXCEPTION 'streamvane_drop_raw_partitions_before: day is null';
    END IF;
    PERFORM pg_advisory_xact_lock(hashtext('streamvane_raw_partitions'));
    FOR part IN
        SELECT c.relname
        FROM pg_inherits i
        JOIN pg_class c ON c.oid = i.inhrelid
        WHERE i.inhparent = 'raw_event'::regclass
          AND c.relname ~ '^raw_event_p[0-9]{8}$'
          AND to_date(substr(c.relname, 12), 'YYYYMMDD') < day
        ORDER BY c.relname
    LOOP
        EXECUTE format('DROP TABLE %I', part.relname);
        dropped := dropped + 1;
    END LOOP;
    DELETE FROM raw_event_default WHERE event_time < (day::timestamp AT TIME ZONE 'UTC');
    RETURN dropped;
END;
$$;
COMMENT ON FUNCTION streamvane_drop_raw_partitions_before(date) IS
    'Retention: drops daily raw_event partitions for UTC days before the given day and purges older rows '
    'from the default partition; returns the number of partitions dropped.';

-- A generous window around the migration date; the retention job keeps it rolling
-- (e.g. ensure(current_date - retention_days, current_date + 14) then drop_before(current_date - retention_days)).
SELECT streamvane_ensure_raw_partitions(current_date - 35, current_date + 14);

-- ---------------------------------------------------------------------------------------------------
-- engine_inbox: the engine's work queue (transactional outbox written together with raw_event).
-- ---------------------------------------------------------------------------------------------------
CREATE TABLE engine_inbox (
    seq          bigint      GENERATED ALWAYS AS IDENTITY,
    raw_event_id bigint      NOT NULL,
    event_time   timestamptz NOT NULL,
    topic_kind   text        NOT NULL,
    payload      jsonb       NOT NULL,
    enqueued_at  timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT engine_inbox_pk PRIMARY KEY (seq)
) WITH (
    -- A queue: rows live seconds. Vacuum it often so dead tuples do not slow the claim scan.
    autovacuum_vacuum_scale_factor = 0.0,
    autovacuum_vacuum_threshold = 5000,
    autovacuum_vacuum_insert_scale_factor = 0.0,
    autovacuum_vacuum_insert_threshold = 5000
);
COMMENT ON TABLE engine_inbox IS
    'Work queue of accepted events for the engine. Written by ingress in the raw_event transaction; claimed by '
    'the engine with SELECT ... ORDER BY seq LIMIT n FOR UPDATE SKIP LOCKED (primary key index) and deleted '
    'in the same transaction as the projection. Bounded by consumption. NOTIFY channel: streamvane_inbox.';
COMMENT ON COLUMN engine_inbox.raw_event_id IS 'raw_event.id (no foreign key: raw partitions are dropped by retention).';
COMMENT ON COLUMN engine_inbox.payload IS 'What the engine needs to project the event: the parsed, normalised body.';

-- One notification per inserting statement (and PostgreSQL folds identical ones per transaction), delivered
-- at commit, so writers need no extra call and listeners wake only for committed work.
CREATE FUNCTION streamvane_notify_inbox()
    RETURNS trigger
    LANGUAGE plpgsql
AS $$
BEGIN
    PERFORM pg_notify('streamvane_inbox', '');
    RETURN NULL;
END;
$$;

CREATE TRIGGER engine_inbox_notify
    AFTER INSERT ON engine_inbox
    FOR EACH STATEMENT
    EXECUTE FUNCTION streamvane_notify_inbox();
