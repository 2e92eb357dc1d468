package bkops.api;

import bkops.cli.CliContext;
import bkops.testing.BkopsTest;
import bkops.testing.CliRun;
import bkops.testing.HostileServer;
import bkops.testing.TestSandbox;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.*;

/**
 * No call outlives its deadline: --timeout bounds one API call from its first byte sent to its last byte read,
 * retries included, and a wait's --timeout bounds every status read inside it. Against a hostile server on loopback.
 * Time must pass here, so the limits are short (1-2 s) and each run is only required to end well before the server
 * would have let it go (20 s of trickle, 30 s of Retry-After).
 */
@BkopsTest
class DeadlineTest {
    /** A valid answer, so that a client that waits for the whole trickle succeeds instead of timing out. */
    private static final String STATUS = "{\"result\":true,\"code\":0,\"message\":\"\",\"data\":{\"id\":\"n1\","
            + "\"state\":\"RUNNING\",\"children\":{}}}" + " ".repeat(60);
    /** Far longer than any limit below: 1 byte every 150 ms is about 20 s. */
    private static final long GAP_MILLIS = 150;
    /** How long a run may take before we call it hung: well before the trickle ends, generous on a loaded machine. */
    private static final Duration HUNG = Duration.ofSeconds(15);

    @TempDir
    Path home;

    private static CliRun.Result run(Map<String, String> env, String... args) {
        // the sleeper only matters to waits; these never need to sleep for real
        return assertTimeoutPreemptively(HUNG, () -> CliRun.run(env, null, d -> { }, false, args),
                "the run was still going after " + HUNG.toSeconds() + " s");
    }

    @Test
    void aTricklingBodyEndsAtTheTimeoutWithExit6NamingIt() {
        try (HostileServer s = HostileServer.start(HostileServer.trickle(STATUS, GAP_MILLIS))) {
            Map<String, String> env = s.env(home);
            env.put("BKOPS_RETRIES", "3");
            CliRun.Result r = run(env, "task", "status", "1", "--timeout", "1s");
            assertEquals(6, r.exit(), r.toString());
            assertEquals("bkops: read the status of task 1: request timeout: the answer from " + s.url().substring(7)
                    + " was not complete within 1s (raise it with --timeout)\n", r.err());
            assertEquals(1, s.requests(), "the timeout spent the call's time: nothing left to retry in");
        }
    }

    @Test
    void aWaitsDeadlineBoundsEachStatusReadWhateverThePerRequestTimeout() {
        try (HostileServer s = HostileServer.start(HostileServer.trickle(STATUS, GAP_MILLIS))) {
            Map<String, String> env = s.env(home);
            env.put("BKOPS_TIMEOUT", "30s"); // per request: would let the first read run the whole trickle
            CliRun.Result r = run(env, "task", "wait", "1", "--timeout", "1s");
            assertEquals(6, r.exit(), r.toString());
            assertTrue(r.err().endsWith("bkops: read the status of task 1: the answer from " + s.url().substring(7)
                    + " was not complete when the wait's --timeout 1s passed\n"), r.err());
        }
    }

    @Test
    void aRetryAfterBeyondTheTimeoutIsNotWaitedFor() {
        String body = "{\"result\":false,\"code\":1642903,\"code_name\":\"RATE_LIMIT_RESTRICTION\","
                + "\"message\":\"API rate limit exceeded by resource strategy\",\"data\":null}";
        try (HostileServer s = HostileServer.start(HostileServer.json(429, body, "Retry-After", "30"))) {
            Map<String, String> env = s.env(home);
            env.put("BKOPS_RETRIES", "3");
            CliRun.Result r = run(env, "template", "list", "--timeout", "2s");
            assertEquals(6, r.exit(), r.toString());
            assertEquals("bkops: list templates: rate limited by the gateway: API rate limit exceeded by resource strategy"
                    + " (not retried: waiting 30s would pass the 2s timeout) [code 1642903, HTTP 429]\n", r.err());
            assertEquals(1, s.requests());
        }
    }

    @Test
    void aRetryAfterWithinTheTimeoutIsStillWaitedFor() {
        // the other side: a short Retry-After is honoured and the read succeeds (a guard, not a defect of main)
        String limited = "{\"result\":false,\"code\":1642903,\"code_name\":\"RATE_LIMIT_RESTRICTION\",\"message\":\"slow\",\"data\":null}";
        String ok = "{\"result\":true,\"code\":0,\"message\":\"\",\"data\":[]}";
        AtomicInteger n = new AtomicInteger();
        HostileServer.Behaviour once = ex -> (n.getAndIncrement() == 0 ? HostileServer.json(429, limited, "Retry-After", "0.2")
                : HostileServer.json(200, ok)).answer(ex);
        try (HostileServer s = HostileServer.start(once)) {
            Map<String, String> env = s.env(home);
            env.put("BKOPS_RETRIES", "3");
            CliRun.Result r = run(env, "template", "list", "-o", "json");
            assertEquals(0, r.exit(), r.toString());
            assertEquals(2, s.requests());
        }
    }

    @Test
    void aWaitsLastLookAtItsDeadlineStillGetsAnAnswer(TestSandbox sb) {
        // a guard: the wait reads the status once more at its deadline; bounding that read by the deadline itself
        // would cut it at once and turn the contract's 124 into a transport failure
        String id = sb.run("task", "create", "--template", "1", "--name", "slow", "-o", "id").out().trim();
        assertEquals(0, sb.run("task", "start", id).exit());
        // real sleeps (the sandbox's clock stands still, so the task keeps running): the deadline really passes
        CliRun.Result r = assertTimeoutPreemptively(HUNG, () -> CliRun.run(sb.env(), null, CliContext.Sleeper.REAL,
                false, "task", "wait", id, "--timeout", "1s", "--interval", "300ms"));
        assertEquals(124, r.exit(), r.toString());
        assertTrue(r.err().endsWith("bkops: --timeout 1s passed; still not done: task " + id
                + ". Resume with: bkops task wait " + id + "\n"), r.toString());
    }
}
