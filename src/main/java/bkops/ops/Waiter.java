package bkops.ops;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * Polls tasks until each has reached an end (finished, failed, revoked, waiting on someone, expired) or the deadline
 * passes. Time spent is the larger of the monotonic clock and the time slept, so that a test whose sleeper only moves
 * a simulated clock still reaches its deadline.
 */
public final class Waiter {

    /** Reads the current snapshot of each id (every id in the answer; missing ones as {@link TaskSnapshot#missing}). */
    @FunctionalInterface
    public interface Poller {
        Map<String, TaskSnapshot> poll(List<String> ids) throws InterruptedException;
    }

    @FunctionalInterface
    public interface Sleeper {
        void sleep(Duration d) throws InterruptedException;
    }

    /** Told after every poll, with the snapshots of the tasks still watched and the time spent so far. */
    @FunctionalInterface
    public interface Listener {
        void polled(Map<String, TaskSnapshot> snapshots, Duration elapsed);
    }

    /** The last snapshot and verdict of each task, in the order asked; {@code deadlinePassed} if time ran out first. */
    public record Result(Map<String, TaskSnapshot> snapshots, Map<String, Verdict> verdicts, boolean deadlinePassed,
                         Duration elapsed) {
    }

    private final Poller poller;
    private final Sleeper sleeper;
    private final PollInterval interval;
    private final Duration timeout;
    private final LongSupplier nanoTime;

    /** @param timeout null waits for ever */
    public Waiter(Poller poller, Sleeper sleeper, PollInterval interval, Duration timeout, LongSupplier nanoTime) {
        this.poller = poller;
        this.sleeper = sleeper;
        this.interval = interval;
        this.timeout = timeout;
        this.nanoTime = nanoTime;
    }

    public Result await(List<String> ids, Listener listener) throws InterruptedException {
        long startedAt = nanoTime.getAsLong();
        Duration slept = Duration.ZERO;
        Map<String, TaskSnapshot> last = new LinkedHashMap<>();
        Map<String, Verdict> verdicts = new LinkedHashMap<>();
        List<String> open = new ArrayList<>(ids);
        while (true) {
            Map<String, TaskSnapshot> now = poller.poll(open);
            last.putAll(now);
            for (TaskSnapshot s : now.values()) {
                Verdict v = Verdict.of(s);
                verdicts.put(s.taskId(), v);
                if (v.outcome().end()) {
                    open.remove(s.taskId());
                }
            }
            Duration elapsed = max(Duration.ofNanos(nanoTime.getAsLong() - startedAt), slept);
            listener.polled(now, elapsed);
            if (open.isEmpty()) {
                return new Result(ordered(ids, last), ordered(ids, verdicts), false, elapsed);
            }
            Duration pause = interval.next();
            if (timeout != null) {
                Duration left = timeout.minus(elapsed);
                if (left.isNegative() || left.isZero()) {
                    return new Result(ordered(ids, last), ordered(ids, verdicts), true, elapsed);
                }
                pause = pause.compareTo(left) > 0 ? left : pause;
            }
            sleeper.sleep(pause);
            slept = slept.plus(pause);
        }
    }

    private static <V> Map<String, V> ordered(List<String> ids, Map<String, V> m) {
        Map<String, V> out = new LinkedHashMap<>();
        ids.forEach(id -> {
            if (m.containsKey(id)) {
                out.put(id, m.get(id));
            }
        });
        return out;
    }

    private static Duration max(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }
}
