package bkops.cli;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Ctrl-C while waiting or sending: the JVM runs shutdown hooks on SIGINT, so a hook interrupts the command's thread and
 * gives it a moment (until {@link #close}) to print what it did and how to resume before the JVM exits with 130. A
 * command takes it with {@link BkopsCommand#ctrlC}; {@link Cli} releases it once the result is printed.
 */
public final class Interrupts implements AutoCloseable {
    private static final long GRACE_MILLIS = 2000;

    private final Thread hook;
    private final CountDownLatch closed = new CountDownLatch(1);
    private volatile boolean fired;

    private Interrupts(Thread waiting) {
        this.hook = new Thread(() -> {
            fired = true;
            waiting.interrupt();
            try {
                closed.await(GRACE_MILLIS, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "bkops-ctrl-c");
    }

    public static Interrupts onCtrlC() {
        Interrupts i = new Interrupts(Thread.currentThread());
        Runtime.getRuntime().addShutdownHook(i.hook);
        return i;
    }

    /**
     * True once Ctrl-C was pressed (the hook fired, or whoever runs the command interrupted this thread, as the daemon
     * does): a request failing now failed because of it. Called from the waiting thread.
     */
    public boolean fired() {
        return fired || Thread.currentThread().isInterrupted();
    }

    @Override
    public void close() {
        closed.countDown();
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // the JVM is exiting (Ctrl-C): the hook runs and lets it go
        }
    }
}
