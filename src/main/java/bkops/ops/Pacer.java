package bkops.ops;

import bkops.api.Sleeper;

import java.time.Duration;
import java.util.function.LongSupplier;

/**
 * The time of a wait, for every wait of bkops (tasks, Job instances): how long it has run, the larger of the monotonic
 * clock and the time slept (so that a sleeper that only moves a simulated clock still reaches the deadline), and the
 * pause before the next poll, cut to what is left of the deadline.
 */
final class Pacer {
    private final Sleeper sleeper;
    private final PollInterval interval;
    private final Duration deadline;
    private final LongSupplier nanoTime;
    private final long startedAt;
    private Duration slept = Duration.ZERO;

    /** @param deadline null waits for ever */
    Pacer(Sleeper sleeper, PollInterval interval, Duration deadline, LongSupplier nanoTime) {
        this.sleeper = sleeper;
        this.interval = interval;
        this.deadline = deadline;
        this.nanoTime = nanoTime;
        this.startedAt = nanoTime.getAsLong();
    }

    Duration elapsed() {
        Duration real = Duration.ofNanos(nanoTime.getAsLong() - startedAt);
        return real.compareTo(slept) >= 0 ? real : slept;
    }

    /**
     * Sleeps until the next poll, given the time spent as the caller measured it; false, sleeping not at all, when the
     * deadline has passed.
     */
    boolean pause(Duration elapsed) throws InterruptedException {
        Duration pause = interval.next();
        if (deadline != null) {
            Duration left = deadline.minus(elapsed);
            if (left.isNegative() || left.isZero()) {
                return false;
            }
            pause = pause.compareTo(left) > 0 ? left : pause;
        }
        sleeper.sleep(pause);
        slept = slept.plus(pause);
        return true;
    }
}
