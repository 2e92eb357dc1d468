package bkops.api;

import java.time.Duration;

/**
 * How bkops waits: between the transport's retries, between the polls of a wait, between the reads that look for a
 * lost reply's effect (ops). One per run, injected, so that tests move a simulated clock instead of sleeping.
 */
@FunctionalInterface
public interface Sleeper {
    void sleep(Duration d) throws InterruptedException;

    /** The thread sleeps. */
    Sleeper REAL = d -> Thread.sleep(Math.max(0, d.toMillis()));
}
