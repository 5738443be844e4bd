/** Operational hooks for running the service under an orchestrator (migration-only runs). */
package io.streamvane.ingress.ops;
