/**
 * The one reader of queue interval rows as egress reports them: stored base rows rolled up to any reporting
 * granularity, zero-filled, judged final by the shared rule and carrying the settings their KPIs derive from; the REST
 * API, the OData feed, the push sinks and the wallboard all read through it.
 */
package io.streamvane.egress.intervals;
