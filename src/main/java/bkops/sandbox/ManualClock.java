package bkops.sandbox;

import java.time.Duration;
import java.time.Instant;

/** A clock that moves only when told to: lets tests walk a task through its states without sleeping. */
public final class ManualClock implements SandboxClock {
    private volatile Instant now;

    public ManualClock(Instant start) {
        this.now = start;
    }

    @Override
    public Instant now() {
        return now;
    }

    public synchronized void advance(Duration d) {
        now = now.plus(d);
    }

    public void set(Instant t) {
        now = t;
    }
}
