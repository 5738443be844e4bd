package io.streamvane.testsupport.servicebus;

import org.apache.qpid.proton.amqp.messaging.Source;
import org.apache.qpid.proton.amqp.messaging.Target;
import org.apache.qpid.proton.engine.Link;

/** The addresses of a link's remote termini. */
final class Addresses {

    private Addresses() {
    }

    static String source(Link link) {
        return link.getRemoteSource() instanceof Source s ? s.getAddress() : null;
    }

    static String target(Link link) {
        return link.getRemoteTarget() instanceof Target t ? t.getAddress() : null;
    }
}
