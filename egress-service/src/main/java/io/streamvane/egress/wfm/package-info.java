/** WFM HTTP feeds: interval rows as JSON or CSV with per-feed columns, signed as Standard Webhooks. */
package io.streamvane.egress.wfm;
