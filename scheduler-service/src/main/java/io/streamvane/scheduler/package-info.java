/** Polls the Genesys REST analytics APIs only where events fall short: gap-fill, reconciliation, reference data. */
package io.streamvane.scheduler;
