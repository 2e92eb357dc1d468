package bkops.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import bkops.model.Fixtures;
import bkops.model.TaskStatus;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

class WaiterTest {

    private static TaskSnapshot snap(String id, String state) {
        return new TaskSnapshot(id, "t", TaskStatus.parse(Fixtures.json("{\"id\":\"r\",\"state\":\"" + state + "\"}")), null);
    }

    @Test
    void pollsUntilEveryTaskEndsAndStopsAskingAboutEndedOnes() throws InterruptedException {
        Map<String, Deque<String>> script = new LinkedHashMap<>();
        script.put("1", new ArrayDeque<>(List.of("RUNNING", "FINISHED")));
        script.put("2", new ArrayDeque<>(List.of("RUNNING", "RUNNING", "RUNNING", "FAILED")));
        List<List<String>> asked = new ArrayList<>();
        List<Duration> slept = new ArrayList<>();
        Waiter w = new Waiter(ids -> {
            asked.add(List.copyOf(ids));
            Map<String, TaskSnapshot> m = new LinkedHashMap<>();
            ids.forEach(id -> m.put(id, snap(id, script.get(id).size() > 1 ? script.get(id).poll() : script.get(id).peek())));
            return m;
        }, slept::add, PollInterval.growing(), null, () -> 0L);
        Waiter.Result r = w.await(List.of("1", "2"), (s, e) -> { });
        assertFalse(r.deadlinePassed());
        assertEquals(Outcome.FINISHED, r.verdicts().get("1").outcome());
        assertEquals(Outcome.FAILED, r.verdicts().get("2").outcome());
        assertEquals(List.of(List.of("1", "2"), List.of("1", "2"), List.of("2"), List.of("2")), asked);
        assertEquals(List.of(Duration.ofMillis(1000), Duration.ofMillis(1500), Duration.ofMillis(2250)), slept);
        assertEquals(Duration.ofMillis(4750), r.elapsed(), "time slept counts when the clock does not move");
    }

    @Test
    void theDeadlineCutsTheLastSleepAndEndsWithTheLastSnapshot() throws InterruptedException {
        List<Duration> slept = new ArrayList<>();
        Waiter w = new Waiter(ids -> Map.of("1", snap("1", "RUNNING")), slept::add, PollInterval.fixed(Duration.ofSeconds(4)),
                Duration.ofSeconds(10), () -> 0L);
        Waiter.Result r = w.await(List.of("1"), (s, e) -> { });
        assertTrue(r.deadlinePassed());
        assertEquals(List.of(Duration.ofSeconds(4), Duration.ofSeconds(4), Duration.ofSeconds(2)), slept);
        assertEquals(Outcome.RUNNING, r.verdicts().get("1").outcome());
    }

    @Test
    void throughWaitingPassesWaitingPollsWithoutConfirmingThemAndStopsAtTheEnd() throws InterruptedException {
        Deque<String> states = new ArrayDeque<>(List.of("RUNNING", "SUSPENDED", "NODE_SUSPENDED", "FINISHED"));
        List<String> confirmed = new ArrayList<>();
        Waiter.Poller poller = ids -> Map.of("1", snap("1", states.size() > 1 ? states.poll() : states.peek()));
        Waiter.Confirmer confirmer = (id, polled) -> {
            confirmed.add(polled.status().state().name());
            return polled;
        };
        Waiter gate = new Waiter(poller, confirmer, d -> { }, PollInterval.growing(), null, () -> 0L,
                WaitRule.THROUGH_WAITING);
        Waiter.Result r = gate.await(List.of("1"), (s, e) -> { });
        assertEquals(Outcome.FINISHED, r.verdicts().get("1").outcome());
        assertEquals(List.of("FINISHED"), confirmed, "only an end is read again past the cache");

        states.clear();
        states.addAll(List.of("RUNNING", "SUSPENDED", "FINISHED"));
        confirmed.clear();
        Waiter.Result stops = new Waiter(poller, confirmer, d -> { }, PollInterval.growing(), null, () -> 0L)
                .await(List.of("1"), (s, e) -> { });
        assertEquals(Outcome.WAITING, stops.verdicts().get("1").outcome(), "by default a pause ends the wait");
        assertEquals(List.of("SUSPENDED"), confirmed);
    }

    @Test
    void anInterruptedSleepEndsTheWait() {
        Waiter w = new Waiter(ids -> Map.of("1", snap("1", "RUNNING")), d -> {
            throw new InterruptedException();
        }, PollInterval.growing(), null, System::nanoTime);
        assertThrows(InterruptedException.class, () -> w.await(List.of("1"), (s, e) -> { }));
    }

    @Test
    void aFixedIntervalMustBePositive() {
        assertThrows(IllegalArgumentException.class, () -> PollInterval.fixed(Duration.ZERO));
        PollInterval p = PollInterval.growing();
        for (int i = 0; i < 20; i++) {
            p.next();
        }
        assertEquals(PollInterval.SERVER_CACHE, p.next());
    }
}
