/** The simulated contact center: its configuration, the discrete-event engine, and what it says happened. */
package io.streamvane.simulator.model;
