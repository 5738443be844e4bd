package io.streamvane.egress.api;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

/** A known queue: from the queue dimension, or seen only in interval rows (then named by its id). */
@Schema(example = "{\"id\":\"q-support\",\"name\":\"Support\",\"mediaTypes\":[\"chat\",\"voice\"]}")
public record QueueSummary(String id, String name, List<String> mediaTypes) {
}
