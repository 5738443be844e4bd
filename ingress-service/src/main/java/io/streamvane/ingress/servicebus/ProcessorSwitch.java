package io.streamvane.ingress.servicebus;

import com.azure.messaging.servicebus.ServiceBusProcessorClient;

/** What {@link ProcessorPause} needs of the processor: just stopping and starting it. */
interface ProcessorSwitch {

    void start();

    void stop();

    static ProcessorSwitch of(ServiceBusProcessorClient processor) {
        return new ProcessorSwitch() {
            @Override
            public void start() {
                processor.start();
            }

            @Override
            public void stop() {
                processor.stop();
            }
        };
    }
}
