/** The embedded PostgreSQL that the single-process app starts when no datasource is configured. */
package io.streamvane.standalone.embedded;
