package bkops.ops;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;

/**
 * Runs one action per item with a bound on concurrency and keeps every outcome: a failure of one item never stops
 * the others. Results come back in the order of the items.
 */
public final class Bulk {
    private Bulk() {}

    /** One item's outcome: a value, or the exception its action threw. */
    public record Item<T, R>(T input, R value, RuntimeException error) {
        public boolean ok() {
            return error == null;
        }
    }

    public static <T, R> List<Item<T, R>> run(List<T> items, int parallelism, Function<T, R> action)
            throws InterruptedException {
        if (items.size() <= 1 || parallelism <= 1) {
            List<Item<T, R>> out = new ArrayList<>();
            items.forEach(i -> out.add(one(i, action)));
            return out;
        }
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(parallelism, items.size()), r -> {
            Thread t = new Thread(r, "bkops-bulk");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<Item<T, R>>> futures = new ArrayList<>();
            items.forEach(i -> futures.add(pool.submit(() -> one(i, action))));
            List<Item<T, R>> out = new ArrayList<>();
            for (Future<Item<T, R>> f : futures) {
                out.add(f.get());
            }
            return out;
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

    private static <T, R> Item<T, R> one(T input, Function<T, R> action) {
        try {
            return new Item<>(input, action.apply(input), null);
        } catch (RuntimeException e) {
            return new Item<>(input, null, e);
        }
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
