/** RabbitMQ sink: interval rows to a topic exchange, persistent, confirmed and returned (mandatory) per message. */
package io.streamvane.egress.rabbit;
