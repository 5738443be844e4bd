/**
 * The {@code streamvane.kpi} settings tree every service reads, and its publication to the store at start-up, so
 * every service and the reporting views count each KPI with the same settings.
 */
package io.streamvane.platform.kpi;
