package io.streamvane.testsupport.servicebus;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.qpid.proton.Proton;
import org.apache.qpid.proton.engine.BaseHandler;
import org.apache.qpid.proton.engine.Event;
import org.apache.qpid.proton.engine.Handler;
import org.apache.qpid.proton.reactor.Acceptor;
import org.apache.qpid.proton.reactor.Reactor;
import org.apache.qpid.proton.reactor.Task;
import org.apache.qpid.proton.reactor.impl.AcceptorImpl;

/**
 * The proton-j reactor on its own thread: every engine object and all broker state is touched only there. Other
 * threads hand it work through a queue and {@link Reactor#wakeup()}, which is the one thread-safe reactor call.
 */
final class ReactorLoop implements Broker.Timers, AutoCloseable {

    private static final System.Logger LOG = System.getLogger(ReactorLoop.class.getName());
    private static final Duration CALL_TIMEOUT = Duration.ofSeconds(30);

    private final Reactor reactor;
    private final Queue<Runnable> work = new ConcurrentLinkedQueue<>();
    private final List<Throwable> failures;
    private final Thread thread;
    private Acceptor acceptor;

    ReactorLoop(List<Throwable> failures) {
        this.failures = failures;
        try {
            this.reactor = Proton.reactor(new WorkDrain());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the proton-j reactor", e);
        }
        this.thread = new Thread(this::run, "fake-servicebus-reactor");
        this.thread.setDaemon(true);
    }

    /**
     * Listens on an ephemeral port of {@code host}. The reactor's acceptor answers SASL ANONYMOUS by itself
     * (checklist item 1) and its transports send the heartbeats the client's 60 s idle timeout needs (item 2).
     */
    int listen(String host, Handler connections) {
        try {
            acceptor = reactor.acceptor(host, 0, connections);
            return ((AcceptorImpl) acceptor).getPortNumber();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot listen on " + host, e);
        }
    }

    void start() {
        thread.start();
    }

    /** Runs {@code action} on the reactor thread. */
    void execute(Runnable action) {
        work.add(action);
        reactor.wakeup();
    }

    /** Runs {@code action} on the reactor thread and waits for its answer. */
    <T> T call(Callable<T> action) {
        if (Thread.currentThread() == thread) {
            try {
                return action.call();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
        CompletableFuture<T> answer = new CompletableFuture<>();
        execute(() -> {
            try {
                answer.complete(action.call());
            } catch (Exception | Error e) {
                answer.completeExceptionally(e);
            }
        });
        try {
            return answer.get(CALL_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted waiting for the fake Service Bus", e);
        } catch (TimeoutException e) {
            throw new IllegalStateException("the fake Service Bus did not answer within " + CALL_TIMEOUT, e);
        }
    }

    /** Only on the reactor thread. */
    @Override
    public Lock.Cancellable schedule(Duration delay, Runnable action) {
        Task task = reactor.schedule((int) Math.min(Integer.MAX_VALUE, delay.toMillis()), new BaseHandler() {
            @Override
            public void onTimerTask(Event e) {
                guarded(action);
            }
        });
        return task::cancel;
    }

    void stopAccepting() {
        acceptor.close();
    }

    /** Ends the loop after the work queued so far (the caller has closed the connections it wants closed). */
    @Override
    public void close() {
        execute(reactor::stop);
        try {
            thread.join(TimeUnit.SECONDS.toMillis(10));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (!thread.isAlive()) {
            reactor.free();
        }
    }

    private void run() {
        reactor.setTimeout(1_000);
        reactor.start();
        while (process()) {
            // each round: dispatch events, drain queued work, then select until I/O, a timer or a wakeup
        }
        reactor.stop();
        process();
    }

    private boolean process() {
        try {
            return reactor.process();
        } catch (RuntimeException e) {
            // The event that failed is still queued, so going on would spin on it: stop, and say why in
            // FakeServiceBus.failures(), which its tests assert empty.
            failures.add(e);
            LOG.log(Level.ERROR, "fake Service Bus reactor failure; the fake stops", e);
            return false;
        }
    }

    void guarded(Runnable action) {
        try {
            action.run();
        } catch (RuntimeException e) {
            failures.add(e);
            LOG.log(Level.ERROR, "fake Service Bus failure", e);
        }
    }

    /** Runs queued work when the reactor has nothing else to do, before it blocks in select. */
    private final class WorkDrain extends BaseHandler {
        @Override
        public void onReactorQuiesced(Event e) {
            Runnable next;
            while ((next = work.poll()) != null) {
                guarded(next);
            }
        }
    }
}
