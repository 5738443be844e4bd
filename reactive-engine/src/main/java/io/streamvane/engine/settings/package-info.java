/** The service-level policy used at projection time: configuration plus synced and stored per-queue settings. */
package io.streamvane.engine.settings;
