/** Typed, validated settings of the ingress service and the wiring of its beans. */
package io.streamvane.ingress.config;
