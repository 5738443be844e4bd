/** WFM intraday: forecast and scheduled on-queue time per planning group and interval, stored beside the actuals. */
package io.streamvane.scheduler.wfm;
