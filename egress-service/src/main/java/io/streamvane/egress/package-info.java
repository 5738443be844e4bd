/** Serves the computed metrics (REST, OData, reporting views) and pushes them to WFM feeds, RabbitMQ and Power BI. */
package io.streamvane.egress;
