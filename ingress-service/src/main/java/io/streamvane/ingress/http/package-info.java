/** HTTP ingress: {@code POST /api/v1/events} (SPEC §3.1), its problem+json answers and the API-key check. */
package io.streamvane.ingress.http;
