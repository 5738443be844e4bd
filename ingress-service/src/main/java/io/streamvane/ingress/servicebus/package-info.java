/** Azure Service Bus ingress: a peek-lock processor that settles each message only after the pipeline has committed it. */
package io.streamvane.ingress.servicebus;
