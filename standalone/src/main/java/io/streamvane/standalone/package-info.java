/** The single-process app: every service's capabilities in one JVM, for the demo and small sites. */
package io.streamvane.standalone;
