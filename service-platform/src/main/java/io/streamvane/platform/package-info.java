/** Cross-cutting web concerns every Streamvane service shares; depends on no service. */
package io.streamvane.platform;
