/** Turns simulated events into the exact Genesys payloads and wraps them in the envelopes ingress accepts. */
package io.streamvane.simulator.events;
