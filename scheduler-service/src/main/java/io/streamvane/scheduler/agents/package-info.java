/** User aggregates: Genesys's agent time in routing status and presence per interval, beside the event-derived figures. */
package io.streamvane.scheduler.agents;
