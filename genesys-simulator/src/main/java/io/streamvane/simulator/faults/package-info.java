/** Makes delivery as messy as the real feeds: duplicates, reordering, late events, an outage gap and poison input. */
package io.streamvane.simulator.faults;
