/**
 * Settings as one shape in every module: bound records, their defaults in one place, and a start-up check that
 * refuses a {@code streamvane.*} key no settings class declares, so a misspelt key fails the start instead of
 * silently keeping its default.
 */
package io.streamvane.platform.settings;
