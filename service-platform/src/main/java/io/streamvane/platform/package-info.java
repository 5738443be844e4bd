/** Cross-cutting concerns every Streamvane service shares (security, LISTEN/NOTIFY); depends on no service. */
package io.streamvane.platform;
