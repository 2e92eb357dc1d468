package bkops.ops;

import bkops.api.Sleeper;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * Polls tasks until each has reached an end (finished, failed, revoked, waiting on someone unless the {@link WaitRule}
 * waits past that, expired) or the deadline passes. Time spent is the larger of the monotonic clock and the time slept, so that a test whose sleeper only moves
 * a simulated clock still reaches its deadline.
 * <p>
 * Polls may be answered from the server's status cache, up to {@link #SERVER_CACHE} old (a node retried a second ago
 * can still read FAILED). So no end is taken from a poll: the {@link Confirmer} reads that task again in a way the
 * cache cannot answer, and only its verdict ends the wait. When it contradicts the poll, the cached answer is stale:
 * that task is then read the same way until the stale entry has expired, so the progress shown never goes back.
 * Listeners get the confirmed snapshots, never the stale ones.
 */
public final class Waiter {
    /** How old a cached status can be: bk-sops get_task_status.py / get_tasks_status.py TTLCache(ttl=10). */
    public static final Duration SERVER_CACHE = Duration.ofSeconds(10);

    /** Reads one task as the engine has it now; {@code polled} is what the poll said (null when none yet). */
    @FunctionalInterface
    public interface Confirmer {
        TaskSnapshot confirm(String id, TaskSnapshot polled) throws InterruptedException;
    }

    /** Reads the current snapshot of each id (every id in the answer; missing ones as {@link TaskSnapshot#missing}). */
    @FunctionalInterface
    public interface Poller {
        Map<String, TaskSnapshot> poll(List<String> ids) throws InterruptedException;
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
    private final Confirmer confirmer;
    private final Sleeper sleeper;
    private final PollInterval interval;
    private final Duration timeout;
    private final LongSupplier nanoTime;
    private final WaitRule rule;

    /** A waiter that trusts its polls (a poller that never reads a cache). @param timeout null waits for ever */
    public Waiter(Poller poller, Sleeper sleeper, PollInterval interval, Duration timeout, LongSupplier nanoTime) {
        this(poller, (id, polled) -> polled, sleeper, interval, timeout, nanoTime);
    }

    /** @param timeout null waits for ever */
    public Waiter(Poller poller, Confirmer confirmer, Sleeper sleeper, PollInterval interval, Duration timeout,
                  LongSupplier nanoTime) {
        this(poller, confirmer, sleeper, interval, timeout, nanoTime, WaitRule.STOP_AT_WAITING);
    }

    /** @param timeout null waits for ever; @param rule what ends the wait */
    public Waiter(Poller poller, Confirmer confirmer, Sleeper sleeper, PollInterval interval, Duration timeout,
                  LongSupplier nanoTime, WaitRule rule) {
        this.poller = poller;
        this.confirmer = confirmer;
        this.sleeper = sleeper;
        this.interval = interval;
        this.timeout = timeout;
        this.nanoTime = nanoTime;
        this.rule = rule;
    }

    public Result await(List<String> ids, Listener listener) throws InterruptedException {
        Pacer pacer = new Pacer(sleeper, interval, timeout, nanoTime);
        Map<String, TaskSnapshot> last = new LinkedHashMap<>();
        Map<String, Verdict> verdicts = new LinkedHashMap<>();
        Map<String, Duration> freshUntil = new LinkedHashMap<>();
        List<String> open = new ArrayList<>(ids);
        while (true) {
            Duration at = pacer.elapsed();
            freshUntil.values().removeIf(until -> until.compareTo(at) <= 0);
            List<String> cached = open.stream().filter(id -> !freshUntil.containsKey(id)).toList();
            Map<String, TaskSnapshot> polled = cached.isEmpty() ? Map.of() : poller.poll(cached);
            Map<String, TaskSnapshot> now = new LinkedHashMap<>();
            for (String id : List.copyOf(open)) {
                TaskSnapshot s;
                if (freshUntil.containsKey(id)) {
                    s = confirmer.confirm(id, last.get(id));
                } else {
                    s = polled.get(id);
                    if (s == null) {
                        continue;
                    }
                    if (rule.ends(rule.judge(s))) {
                        TaskSnapshot confirmed = confirmer.confirm(id, s);
                        if (!rule.ends(rule.judge(confirmed))) {
                            // the poll was stale, or the server is about to retry a node by itself: polls of this task
                            // would keep saying FAILED until the cached entry expires
                            freshUntil.put(id, at.plus(SERVER_CACHE));
                        }
                        s = confirmed;
                    }
                }
                now.put(id, s);
                Verdict v = rule.judge(s);
                verdicts.put(id, v);
                if (rule.ends(v)) {
                    open.remove(id);
                }
            }
            last.putAll(now);
            Duration elapsed = pacer.elapsed();
            listener.polled(now, elapsed);
            if (open.isEmpty()) {
                return new Result(ordered(ids, last), ordered(ids, verdicts), false, elapsed);
            }
            if (!pacer.pause(elapsed)) {
                return new Result(ordered(ids, last), ordered(ids, verdicts), true, elapsed);
            }
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

}
