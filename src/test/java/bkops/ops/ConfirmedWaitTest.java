package bkops.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;

import bkops.model.Fixtures;
import bkops.model.TaskStatus;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** No end is taken from a poll the server's cache may have answered; the listener never sees a stale snapshot. */
class ConfirmedWaitTest {

    private static TaskSnapshot snap(String state) {
        return new TaskSnapshot("1", "t", TaskStatus.parse(Fixtures.json("{\"id\":\"r\",\"state\":\"" + state + "\"}")), null);
    }

    @Test
    void aCachedFailureContradictedByTheEngineIsReadPastTheCacheUntilTheEntryExpires() throws InterruptedException {
        // the poll keeps answering the cached FAILED; the engine has RUNNING, then FINISHED from the 12th second
        List<Duration> polls = new ArrayList<>();
        List<Duration> confirms = new ArrayList<>();
        Duration[] clock = {Duration.ZERO};
        List<String> shown = new ArrayList<>();
        Waiter w = new Waiter(ids -> {
            polls.add(clock[0]);
            return Map.of("1", snap("FAILED"));
        }, (id, polled) -> {
            confirms.add(clock[0]);
            return snap(clock[0].toSeconds() >= 12 ? "FINISHED" : "RUNNING");
        }, d -> clock[0] = clock[0].plus(d), PollInterval.fixed(Duration.ofSeconds(4)), null, () -> 0L);

        Waiter.Result r = w.await(List.of("1"), (snaps, e) -> snaps.values().forEach(s -> shown.add(s.status().state().name())));
        assertEquals(Outcome.FINISHED, r.verdicts().get("1").outcome());
        assertEquals(List.of(0L, 12L), polls.stream().map(Duration::toSeconds).toList(),
                "after the contradiction, no poll until the cached entry has expired (10 s)");
        assertEquals(List.of(0L, 4L, 8L, 12L), confirms.stream().map(Duration::toSeconds).toList());
        assertEquals(List.of("RUNNING", "RUNNING", "RUNNING", "FINISHED"), shown, "the stale FAILED is never shown");
    }

    @Test
    void anEndThatTheEngineConfirmsEndsTheWaitWithOneExtraRead() throws InterruptedException {
        List<String> confirmed = new ArrayList<>();
        Waiter w = new Waiter(ids -> Map.of("1", snap("FAILED")), (id, polled) -> {
            confirmed.add(id);
            return snap("FAILED");
        }, d -> { }, PollInterval.growing(), null, () -> 0L);
        assertEquals(Outcome.FAILED, w.await(List.of("1"), (s, e) -> { }).verdicts().get("1").outcome());
        assertEquals(List.of("1"), confirmed);
    }

    @Test
    void aFailedNodeTheServerRetriesByItselfIsNotAnEnd() throws InterruptedException {
        TaskSnapshot retrying = snap("FAILED").with(new TaskSnapshot.Server(null, null, List.of(new TaskSnapshot.AutoRetry("n1", 0, 2))));
        int[] reads = {0};
        Waiter w = new Waiter(ids -> Map.of("1", snap("FAILED")),
                (id, polled) -> ++reads[0] < 3 ? retrying : snap("FINISHED"), d -> { }, PollInterval.growing(), null, () -> 0L);
        assertEquals(Outcome.FINISHED, w.await(List.of("1"), (s, e) -> { }).verdicts().get("1").outcome());
        assertEquals(Outcome.RUNNING, Verdict.of(retrying).outcome());
    }

    @Test
    void aFunctionalTaskNobodyClaimedWaitsForAPerson() {
        TaskSnapshot s = snap("CREATED").with(new TaskSnapshot.Server("func_claim",
                "http://h/o/bk_sops/taskflow/execute/1/?instance_id=1", List.of()));
        assertEquals(Outcome.WAITING, Verdict.of(s).outcome());
        assertEquals("http://h/o/bk_sops/function/execute/1/?instance_id=1", s.server().claimUrl());
        assertEquals(Outcome.NOT_STARTED, Verdict.of(snap("CREATED")).outcome());
    }
}
