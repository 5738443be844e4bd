package io.streamvane.model.event;

/**
 * The body of a topic Streamvane does not project: stored raw so a later KPI can be replayed from it.
 *
 * @param canonicalJson the eventBody with keys sorted and numbers normalised, as used for its identity
 */
public record UntypedBody(String canonicalJson) implements EventBody {
}
