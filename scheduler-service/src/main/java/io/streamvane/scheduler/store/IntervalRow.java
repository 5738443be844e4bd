package io.streamvane.scheduler.store;

import io.streamvane.model.kpi.Interval;
import io.streamvane.model.kpi.IntervalComponents;
import io.streamvane.model.kpi.QueueMedia;

/** One queue × media × base-bucket row of components. */
public record IntervalRow(QueueMedia key, Interval interval, IntervalComponents components) {
}
