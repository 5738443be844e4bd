package io.streamvane.egress.delivery;

import java.util.List;

/** Contributes the sinks configured for one kind of destination (WFM feeds, RabbitMQ, Power BI). */
public interface SinkProvider {

    List<Sink> sinks();
}
