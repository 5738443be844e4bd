/** Cross-cutting wiring of the scheduler service: its part of the endpoint-to-scope map. */
package io.streamvane.scheduler.config;
