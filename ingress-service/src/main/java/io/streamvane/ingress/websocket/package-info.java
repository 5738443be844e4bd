/** Genesys Notification API websocket ingress: channels, subscriptions, heartbeat supervision, reconnects with recorded gaps. */
package io.streamvane.ingress.websocket;
