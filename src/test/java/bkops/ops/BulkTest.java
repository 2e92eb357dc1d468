package bkops.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import bkops.model.State;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

class BulkTest {

    @Test
    void keepsOrderAndEveryFailure() throws InterruptedException {
        List<Integer> items = IntStream.range(0, 20).boxed().toList();
        List<Bulk.Item<Integer, Integer>> out = Bulk.run(items, 4, i -> {
            if (i % 5 == 0) {
                throw new IllegalStateException("bad " + i);
            }
            return i * 2;
        });
        assertEquals(items, out.stream().map(Bulk.Item::input).toList());
        assertEquals(4, out.stream().filter(x -> !x.ok()).count());
        assertEquals("bad 5", out.get(5).error().getMessage());
        assertEquals(14, out.get(7).value());
    }

    @Test
    void runsConcurrently() throws InterruptedException {
        CountDownLatch all = new CountDownLatch(4);
        List<Bulk.Item<Integer, Boolean>> out = Bulk.run(List.of(1, 2, 3, 4), 4, i -> {
            all.countDown();
            try {
                return all.await(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });
        assertTrue(out.stream().allMatch(x -> x.ok() && x.value()), "all four ran at the same time");
    }

    @Test
    void chunksOfFifty() {
        List<List<Integer>> c = Bulk.chunks(IntStream.range(0, 101).boxed().toList(), 50);
        assertEquals(List.of(50, 50, 1), c.stream().map(List::size).toList());
        assertTrue(Bulk.chunks(List.of(), 50).isEmpty());
    }

    @Test
    void whatALostReplyReadBackMeans() {
        assertTrue(TaskActions.tookEffect("start", State.RUNNING));
        assertFalse(TaskActions.tookEffect("start", State.CREATED));
        assertTrue(TaskActions.tookEffect("pause", State.SUSPENDED));
        assertFalse(TaskActions.tookEffect("pause", State.RUNNING));
        assertTrue(TaskActions.tookEffect("resume", State.RUNNING));
        assertFalse(TaskActions.tookEffect("resume", State.SUSPENDED));
        assertTrue(TaskActions.tookEffect("revoke", State.REVOKED));
        assertFalse(TaskActions.tookEffect("revoke", State.FAILED));
    }
}
