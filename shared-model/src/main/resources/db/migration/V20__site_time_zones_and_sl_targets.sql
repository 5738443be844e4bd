-- Site time zones and SL targets (SPEC §2). Each queue reports its local hours, days, weeks and months in a time
-- zone: the deployment's streamvane.kpi.time-zone or its own streamvane.kpi.queue-time-zones entry. The store still
-- keeps UTC base buckets; only reporting groups them, so a zone change restates nothing. The SL target every
-- surface shows beside the service level is Genesys' own for the queue, else streamvane.kpi.sl-target.
-- The reporting views that show both are defined once, in R__reporting_views.sql.
ALTER TABLE kpi_setting ADD COLUMN time_zone text NOT NULL DEFAULT 'UTC';
ALTER TABLE kpi_setting ALTER COLUMN time_zone DROP DEFAULT;

CREATE TABLE queue_time_zone (
    queue_id  text NOT NULL,
    time_zone text NOT NULL,
    CONSTRAINT queue_time_zone_pk PRIMARY KEY (queue_id)
);
COMMENT ON TABLE queue_time_zone IS
    'Per-queue time zones (streamvane.kpi.queue-time-zones, IANA names) where a queue''s site differs from the '
    'default; replaced as a whole at start-up with the other settings. Bounded by the number of queues.';

ALTER TABLE kpi_setting ADD COLUMN sl_target double precision NOT NULL DEFAULT 0.8;
ALTER TABLE kpi_setting ALTER COLUMN sl_target DROP DEFAULT;
ALTER TABLE kpi_setting ADD CONSTRAINT kpi_setting_sl_target_ck CHECK (sl_target BETWEEN 0 AND 1);
COMMENT ON TABLE kpi_setting IS
    'The streamvane.kpi settings (base granularity, allowed lateness, ACD-session expiry, source idle timeout, '
    'default time zone, default SL target) as published at service start-up; one row. Written at start-up, read by '
    'every service and the reporting views.';

COMMENT ON TABLE reporting.dim_date IS
    'Calendar dimension 2015-01-01..2045-12-31, date_key = yyyymmdd; the interval views'' date_key is the local '
    'date of each row''s site time zone. Static; extend by a migration.';
