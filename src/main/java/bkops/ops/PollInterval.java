package bkops.ops;

import java.time.Duration;
import java.util.function.UnaryOperator;

/**
 * How long to wait between status reads. The server caches get_task_status for 10 s, so polling a task faster than
 * that for long only re-reads the cache: start short (a task often ends in seconds), grow by half each time, stay at
 * 10 s. A Job instance's steps take seconds and every poll is a request: 1 s, one more each time, up to 5 s.
 */
public final class PollInterval {
    public static final Duration FIRST = Duration.ofSeconds(1);
    public static final Duration SERVER_CACHE = Duration.ofSeconds(10);
    private static final Duration JOB_MAX = Duration.ofSeconds(5);

    private final UnaryOperator<Duration> grow;
    private final Duration max;
    private Duration next;

    private PollInterval(Duration first, UnaryOperator<Duration> grow, Duration max) {
        this.next = first;
        this.grow = grow;
        this.max = max;
    }

    /** Growing from 1 s to the server's 10 s cache. */
    public static PollInterval growing() {
        return new PollInterval(FIRST, d -> Duration.ofMillis(d.toMillis() * 3 / 2), SERVER_CACHE);
    }

    /** From 1 s, one second more each time, up to 5 s (a Job instance's steps). */
    public static PollInterval jobSteps() {
        return new PollInterval(FIRST, d -> d.plus(FIRST), JOB_MAX);
    }

    /** Always {@code d} (the operator's --interval). */
    public static PollInterval fixed(Duration d) {
        if (d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException("the interval must be positive");
        }
        return new PollInterval(d, x -> x, d);
    }

    public Duration next() {
        Duration d = next;
        Duration grown = grow.apply(d);
        next = grown.compareTo(max) > 0 ? max : grown;
        return d;
    }
}
