/** The transport-independent ingress pipeline: parse, validate, dedup, store durably, then acknowledge. */
package io.streamvane.ingress.pipeline;
