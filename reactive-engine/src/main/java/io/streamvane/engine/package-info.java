/** Projects accepted events into interval KPI components, real-time queue state and agent state in the metrics store. */
package io.streamvane.engine;
