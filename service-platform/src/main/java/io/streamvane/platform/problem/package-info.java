/**
 * The one RFC 9457 problem+json shape of every Streamvane service: {@code type}, {@code title}, {@code status},
 * {@code detail}, a stable {@code reason} code (and {@code instance} where Spring or the writer sets it).
 */
package io.streamvane.platform.problem;
