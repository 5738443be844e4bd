/** The oracle: KPI components per queue, media and interval, and per agent, from what the simulation knows happened. */
package io.streamvane.simulator.truth;
