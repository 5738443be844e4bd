package io.streamvane.ingress.servicebus;

import io.streamvane.ingress.pipeline.IngestionResult;
import io.streamvane.ingress.pipeline.IngestionResult.Ingested;
import io.streamvane.ingress.pipeline.IngestionResult.ItemRejection;
import io.streamvane.ingress.pipeline.IngestionResult.Unreadable;
import java.util.stream.Collectors;

/**
 * Decides a message's settlement from the pipeline's answer (SPEC §1.4). Pure, so every path is testable alone.
 *
 * <p>A message with at least one stored or already-stored event is completed even if some items were rejected:
 * the rejections are counted by the pipeline, and dead-lettering the whole message would redeliver the good
 * events to whoever replays the dead-letter queue. A message of which nothing can ever be stored is dead-lettered.
 */
final class DispositionPolicy {

    /**
     * Service Bus keeps both strings as message annotations; the older .NET client capped them at 4,096
     * characters, and a rejected dead-letter request would leave the message locked, so stay within that.
     */
    static final int MAX_REASON_LENGTH = 4096;
    static final int MAX_DESCRIPTION_LENGTH = 4096;

    private DispositionPolicy() {
    }

    static Disposition of(IngestionResult result) {
        if (result instanceof Unreadable u) {
            return deadLetter(u.reason(), u.detail());
        }
        Ingested i = (Ingested) result;
        if (i.accepted() + i.duplicates() > 0 || i.rejected().isEmpty()) {
            return new Disposition.Complete();
        }
        return deadLetter(reasons(i), describe(i));
    }

    private static Disposition.DeadLetter deadLetter(String reason, String description) {
        return new Disposition.DeadLetter(truncate(reason, MAX_REASON_LENGTH),
                truncate(description == null ? "" : description, MAX_DESCRIPTION_LENGTH));
    }

    /** The distinct rejection codes in item order: one code in the usual case of a single bad event. */
    private static String reasons(Ingested i) {
        return i.rejected().stream().map(ItemRejection::reason).distinct().collect(Collectors.joining(","));
    }

    private static String describe(Ingested i) {
        if (i.rejected().size() == 1) {
            return i.rejected().get(0).detail();
        }
        return i.rejected().size() + " items rejected: " + i.rejected().stream()
                .map(r -> "[" + r.index() + "] " + r.reason() + ": " + r.detail())
                .collect(Collectors.joining("; "));
    }

    static String truncate(String s, int max) {
        if (s.length() <= max) {
            return s;
        }
        return s.substring(0, max - 1) + "…";
    }
}
