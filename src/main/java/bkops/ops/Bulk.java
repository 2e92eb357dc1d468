package bkops.ops;

import bkops.ExitCode;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.function.Function;

/**
 * Runs one action per item with a bound on concurrency and keeps every outcome: a failure of one item never stops
 * the others. Results come back in the order of the items. When the calling thread is interrupted (Ctrl-C), nothing
 * more is started and {@link Interrupted} says which items were answered, which were started without an answer (in
 * doubt: a write may or may not have been applied) and which were never started.
 */
public final class Bulk {
    private Bulk() {}

    /** One item's outcome: a value, or the exception its action threw. */
    public record Item<T, R>(T input, R value, RuntimeException error) {
        public boolean ok() {
            return error == null;
        }
    }

    /** What became of each item of an interrupted run, each list in the order of the items. */
    public record Report<T, R>(List<Item<T, R>> answered, List<T> inDoubt, List<T> notSent) {
    }

    /** The run was interrupted; {@link #report} says how far it got. */
    public static final class Interrupted extends InterruptedException {
        private final transient Report<?, ?> report;

        Interrupted(Report<?, ?> report) {
            super("interrupted");
            this.report = report;
        }

        /** The report, typed like the run's items (the caller knows them). */
        @SuppressWarnings("unchecked")
        public <T, R> Report<T, R> report() {
            return (Report<T, R>) report;
        }
    }

    // an item's life: waiting -> started -> answered; at the interrupt, waiting -> not sent and started -> in doubt
    private static final int WAITING = 0;
    private static final int STARTED = 1;
    private static final int ANSWERED = 2;
    private static final int IN_DOUBT = 3;
    private static final int NOT_SENT = 4;

    public static <T, R> List<Item<T, R>> run(List<T> items, int parallelism, Function<T, R> action)
            throws InterruptedException {
        AtomicIntegerArray states = new AtomicIntegerArray(items.size());
        AtomicReferenceArray<Item<T, R>> done = new AtomicReferenceArray<>(items.size());
        if (items.isEmpty()) {
            return List.of();
        }
        // Even one at a time the actions run on a worker: the caller waits in Future.get, which an interrupt always
        // ends, where a thread blocked reading a stalled response body would not notice it.
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, Math.min(parallelism, items.size())), r -> {
            Thread t = new Thread(r, "bkops-bulk");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int i = 0; i < items.size(); i++) {
                int n = i;
                futures.add(pool.submit(() -> {
                    if (!states.compareAndSet(n, WAITING, STARTED)) {
                        return; // interrupted before its turn
                    }
                    Item<T, R> item = one(items.get(n), action);
                    done.set(n, item);
                    states.compareAndSet(n, STARTED, ANSWERED); // fails when the interrupt came first: in doubt
                }));
            }
            for (Future<?> f : futures) {
                f.get();
            }
            return collect(done);
        } catch (InterruptedException e) {
            throw interrupted(items, states, done);
        } catch (ExecutionException e) {
            // one() catches every RuntimeException; an Error is a bug and goes up as it is
            if (e.getCause() instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException(e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    /** Settles every item not yet answered (started: in doubt; not started: never will be) and says so. */
    private static <T, R> Interrupted interrupted(List<T> items, AtomicIntegerArray states, AtomicReferenceArray<Item<T, R>> done) {
        List<Item<T, R>> answered = new ArrayList<>();
        List<T> inDoubt = new ArrayList<>();
        List<T> notSent = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            if (states.compareAndSet(i, WAITING, NOT_SENT) || states.get(i) == NOT_SENT) {
                notSent.add(items.get(i));
            } else if (states.compareAndSet(i, STARTED, IN_DOUBT) || states.get(i) == IN_DOUBT) {
                inDoubt.add(items.get(i));
            } else {
                answered.add(done.get(i));
            }
        }
        Thread.interrupted(); // thrown as an InterruptedException: the flag is cleared, as the JDK's own do
        return new Interrupted(new Report<>(answered, inDoubt, notSent));
    }

    private static <T, R> List<Item<T, R>> collect(AtomicReferenceArray<Item<T, R>> done) {
        List<Item<T, R>> out = new ArrayList<>();
        for (int i = 0; i < done.length(); i++) {
            out.add(done.get(i));
        }
        return out;
    }

    private static <T, R> Item<T, R> one(T input, Function<T, R> action) {
        try {
            return new Item<>(input, action.apply(input), null);
        } catch (RuntimeException e) {
            return new Item<>(input, null, e);
        }
    }

    /**
     * The exit code of a bulk run from its items' failures, in the items' order: 0 when none failed, the first
     * failure's own code when all failed, 7 when some did.
     */
    public static ExitCode overall(int total, List<ExitCode> failures) {
        if (failures.isEmpty()) {
            return ExitCode.OK;
        }
        return failures.size() == total ? failures.get(0) : ExitCode.PARTIAL;
    }

    /** Splits a list into consecutive chunks of at most {@code size}. */
    public static <T> List<List<T>> chunks(List<T> items, int size) {
        List<List<T>> out = new ArrayList<>();
        for (int i = 0; i < items.size(); i += size) {
            out.add(List.copyOf(items.subList(i, Math.min(items.size(), i + size))));
        }
        return out;
    }
}
