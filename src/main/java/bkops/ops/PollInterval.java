package bkops.ops;

import java.time.Duration;

/**
 * How long to wait between status reads. The server caches get_task_status for 10 s, so polling faster than that
 * for long only re-reads the cache: start short (a task often ends in seconds), grow by half each time, stay at 10 s.
 */
public final class PollInterval {
    public static final Duration FIRST = Duration.ofSeconds(1);
    public static final Duration SERVER_CACHE = Duration.ofSeconds(10);

    private final Duration fixed;
    private Duration next = FIRST;

    private PollInterval(Duration fixed) {
        this.fixed = fixed;
    }

    /** Growing from 1 s to the server's 10 s cache. */
    public static PollInterval growing() {
        return new PollInterval(null);
    }

    /** Always {@code d} (the operator's --interval). */
    public static PollInterval fixed(Duration d) {
        if (d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException("the interval must be positive");
        }
        return new PollInterval(d);
    }

    public Duration next() {
        if (fixed != null) {
            return fixed;
        }
        Duration d = next;
        Duration grown = Duration.ofMillis(d.toMillis() * 3 / 2);
        next = grown.compareTo(SERVER_CACHE) > 0 ? SERVER_CACHE : grown;
        return d;
    }
}
