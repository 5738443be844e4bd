package io.streamvane.testsupport.servicebus;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import org.apache.qpid.proton.engine.Connection;
import org.apache.qpid.proton.engine.EndpointState;
import org.apache.qpid.proton.engine.Transport;
import org.apache.qpid.proton.engine.impl.TransportImpl;
import org.apache.qpid.proton.reactor.Selectable;

/** The open client connections: counted, cut (fault injection) or closed (shutdown). */
final class ClientConnections {

    private final Set<Connection> open = new LinkedHashSet<>();
    private final Consumer<Connection> onGone;
    private Runnable whenAllClosed;

    /** {@code onGone} forgets what the broker knew of a connection that ended. */
    ClientConnections(Consumer<Connection> onGone) {
        this.onGone = onGone;
    }

    void opened(Connection connection) {
        open.add(connection);
    }

    void gone(Connection connection) {
        if (open.remove(connection)) {
            onGone.accept(connection);
            if (whenAllClosed != null && open.isEmpty()) {
                whenAllClosed.run();
            }
        }
    }

    int count() {
        return open.size();
    }

    /**
     * Ends every connection now, as a network failure would: no AMQP close, the socket closed under the client.
     * The broker forgets them at once, so a test can wait for the client's new links.
     */
    void cutAll() {
        for (Connection connection : List.copyOf(open)) {
            Transport transport = connection.getTransport();
            if (transport != null) {
                transport.close_tail();
                transport.close_head();
                transport.pop(Math.max(0, transport.pending()));
                Selectable socket = ((TransportImpl) transport).getSelectable();
                if (socket != null) {
                    socket.terminate();
                    socket.getReactor().update(socket);
                }
            }
            gone(connection);
        }
    }

    /** Sends every client an AMQP close and runs {@code then} once all have gone. */
    void closeAll(Runnable then) {
        whenAllClosed = then;
        if (open.isEmpty()) {
            then.run();
            return;
        }
        for (Connection connection : open) {
            if (connection.getLocalState() != EndpointState.CLOSED) {
                connection.close();
            }
        }
    }
}
