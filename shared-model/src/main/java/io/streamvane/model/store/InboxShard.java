package io.streamvane.model.store;

import io.streamvane.model.event.EntityIds;

/**
 * Which inbox shard an event goes to: every event of one conversation to one shard, every event of one agent's own
 * topics to one shard. A projecting transaction takes a few shards ({@link StoreLocks#INBOX_SHARD}), so two workers never
 * fold the same conversation's segments or the same agent's history at once and wait for each other's commit. The
 * shard only spreads the work; row locks still make any claim safe.
 */
public final class InboxShard {

    /**
     * Enough for every worker of a few replicas to hold its own. The inbox's CHECK constraint (V24) holds the same
     * range, so a change here needs a migration that also moves the waiting rows.
     */
    public static final int COUNT = 16;

    /**
     * Shards one transaction takes at most: a quarter, so four transactions can project at once, and a claim at a
     * low rate still takes a quarter of the waiting events instead of one shard's.
     */
    public static final int PER_CLAIM = 4;

    private InboxShard() {
    }

    /** The conversation, else the user, else the queue decides; {@link String#hashCode} is the same in every JVM. */
    public static int of(EntityIds ids) {
        String key = ids.conversationId() != null ? ids.conversationId()
                : ids.userId() != null ? ids.userId() : ids.queueId();
        return key == null ? 0 : Math.floorMod(key.hashCode(), COUNT);
    }
}
