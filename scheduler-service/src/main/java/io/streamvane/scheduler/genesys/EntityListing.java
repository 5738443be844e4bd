package io.streamvane.scheduler.genesys;

import java.util.List;

/** Genesys's paged listing ({@code QueueEntityListing}, {@code UserEntityListing}, ...): totals may be absent. */
public record EntityListing<E>(List<E> entities, Integer pageSize, Integer pageNumber, Long total, Integer pageCount,
                               String nextUri, String selfUri) {
}
