/** Spring wiring of the engine: properties under streamvane.engine.*, beans, and the lifecycle of its threads. */
package io.streamvane.engine.config;
