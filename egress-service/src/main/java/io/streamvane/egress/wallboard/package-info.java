/**
 * The live wallboard: a supervisor's page and the Server-Sent Events stream that pushes the queue tiles whenever
 * the engine commits a change, read through the same readers as the REST API.
 */
package io.streamvane.egress.wallboard;
