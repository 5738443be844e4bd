/** A seeded contact-center simulator that emits Genesys Cloud events and knows the KPIs they must produce. */
package io.streamvane.simulator;
