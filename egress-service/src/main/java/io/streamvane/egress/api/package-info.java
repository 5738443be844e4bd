/** The HTTP query API of SPEC §3.1: queues, interval rows with roll-ups and derived KPIs, real-time and agent state. */
package io.streamvane.egress.api;
