/** Accepts Genesys events from Service Bus, HTTP and the Notification API websocket; dedups, validates, watermarks and stores them durably before acknowledging. */
package io.streamvane.ingress;
