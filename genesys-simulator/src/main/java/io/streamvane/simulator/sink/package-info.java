/** Where simulated messages go, and at what pace: in memory for tests, HTTP POST to ingress for the demo. */
package io.streamvane.simulator.sink;
