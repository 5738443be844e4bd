/** A fake Genesys Cloud REST API over a finished run: OAuth, analytics queries, queue and user listings, limits. */
package io.streamvane.simulator.api;
