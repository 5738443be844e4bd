/** The Genesys Cloud REST client: OAuth client credentials, rate budget, retries, circuit breaker, paging, analytics shapes. */
package io.streamvane.scheduler.genesys;
