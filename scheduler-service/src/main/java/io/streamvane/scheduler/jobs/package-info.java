/** The scheduled jobs and their ShedLock locks: one replica runs each job at a time, schedules from application.yml. */
package io.streamvane.scheduler.jobs;
