/** The admin API: run a job now, backfill a range, list gaps with their fill progress, list drift. */
package io.streamvane.scheduler.admin;
