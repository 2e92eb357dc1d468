package bkops.api;

import bkops.sandbox.Faults;
import bkops.sandbox.SandboxCredentials;
import bkops.testing.BkopsTest;
import bkops.testing.TestSandbox;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.*;

/**
 * How many times each failure is tried, counted at the server: reads are retried on 502/503/504, 429 and broken
 * connections up to the configured number; state-changing calls never once the request may have reached the server.
 */
@BkopsTest
class RetryPolicyTest {
    static TestSandbox sb;
    static final List<String> log = new ArrayList<>();
    /** The waits before retries: the transport waits through the injected sleeper, which here only counts them. */
    static final List<Duration> waits = new ArrayList<>();
    static final Sleeper COUNTED = waits::add;

    @AfterAll
    static void stop() {
        System.out.println("retry counts observed (requests that reached the sandbox):\n  " + String.join("\n  ", log));
    }

    @BeforeEach
    void clear() {
        sb.faults().clear();
        sb.clearRequests();
        waits.clear();
    }

    /** --timeout bounds a whole call, retries included: room for three backoffs (at most 3.1 s) and a stall of 3 s. */
    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private static ApiClient client(int retries, List<String> trace) {
        return client(retries, trace, TIMEOUT);
    }

    private static ApiClient client(int retries, List<String> trace, Duration timeout) {
        ClientConfig.Trace t = new ClientConfig.Trace() {
            public void verbose(String line) { trace.add(line); }
            public void debug(String line) { }
            public boolean verboseEnabled() { return true; }
            public boolean debugEnabled() { return false; }
        };
        return new ApiClient(new ClientConfig(sb.sandbox().sopsGatewayUrl(), null, FrontDoor.APIGW, "2", "cmdb_biz",
                new Credentials(SandboxCredentials.APP_CODE, SandboxCredentials.APP_SECRET, SandboxCredentials.USERNAME,
                        null, null), Duration.ofSeconds(2), timeout, retries, false, null, t, COUNTED));
    }

    /** Runs one call with a fault queued {@code times} times; returns how many requests reached the server. */
    private int attempts(Faults.Kind kind, long value, int times, Endpoint e, Map<String, Object> params, boolean succeeds) {
        sb.faults().add(new Faults.Fault(kind, times, e.name(), value));
        List<String> trace = new ArrayList<>();
        try (ApiClient c = client(3, trace)) {
            if (succeeds) {
                c.call(e, params, "x");
            } else {
                assertThrows(ApiException.class, () -> c.call(e, params, "x"));
            }
        }
        int n = (int) sb.requests().stream().filter(r -> r.pathAndQuery().contains("/" + e.name() + "/")).count();
        assertEquals(n - 1, waits.size(), "one wait before each retry, through the sleeper: " + waits);
        log.add(String.format("%-15s %-16s x%d -> %d request(s)%s", kind + (value > 0 ? "(" + value + ")" : ""),
                e.name(), times, n, succeeds ? ", then success" : ", gave up"));
        return n;
    }

    @Test
    void readsAreRetriedOnTransientFailuresUpToTheLimit() {
        Map<String, Object> p = Map.of();
        assertEquals(3, attempts(Faults.Kind.SERVER_ERROR, 502, 2, Endpoints.GET_TEMPLATE_LIST, p, true));
        clear();
        assertEquals(2, attempts(Faults.Kind.SERVER_ERROR, 503, 1, Endpoints.GET_TEMPLATE_LIST, p, true));
        clear();
        assertEquals(2, attempts(Faults.Kind.SERVER_ERROR, 504, 1, Endpoints.GET_TEMPLATE_LIST, p, true));
        clear();
        assertEquals(4, attempts(Faults.Kind.SERVER_ERROR, 502, 9, Endpoints.GET_TEMPLATE_LIST, p, false), "1 + 3 retries");
        clear();
        assertEquals(2, attempts(Faults.Kind.DROP, 0, 1, Endpoints.GET_TEMPLATE_LIST, p, true));
        clear();
        clear();
        assertEquals(2, attempts(Faults.Kind.RATE_LIMIT, 0, 1, Endpoints.GET_TEMPLATE_LIST, p, true));
    }

    @Test
    void aReadThatUsedUpItsTimeoutIsNotRetried() {
        // --timeout bounds the whole call: a stall past it leaves no time for another attempt
        sb.faults().add(new Faults.Fault(Faults.Kind.STALL, 1, "get_template_list", 3000));
        try (ApiClient c = client(3, new ArrayList<>(), Duration.ofMillis(800))) {
            ApiException ex = assertThrows(ApiException.class, () -> c.call(Endpoints.GET_TEMPLATE_LIST, Map.of(), "x"));
            assertTrue(ex.getMessage().contains("within 800ms"), ex.getMessage());
        }
        assertEquals(1, sb.requests().size());
        log.add(String.format("%-15s %-16s x1 -> 1 request(s), gave up at the timeout", "STALL(3000)", "get_template_list"));
    }

    @Test
    void answersThatWillNotChangeAreNotRetried() {
        Map<String, Object> p = Map.of();
        assertEquals(1, attempts(Faults.Kind.SERVER_ERROR, 500, 1, Endpoints.GET_TEMPLATE_LIST, p, false));
        clear();
        assertEquals(1, attempts(Faults.Kind.HTML_LOGIN, 0, 1, Endpoints.GET_TEMPLATE_LIST, p, false));
        clear();
        assertEquals(1, attempts(Faults.Kind.GATEWAY_403, 0, 1, Endpoints.GET_TEMPLATE_LIST, p, false));
        clear();
        assertEquals(1, attempts(Faults.Kind.IAM_DENIED, 0, 1, Endpoints.GET_TEMPLATE_LIST, p, false));
    }

    @Test
    void stateChangingCallsAreNeverRetriedOnceTheServerMayHaveSeenThem() {
        Map<String, Object> p = Map.of("task_id", "1", "action", "pause");
        assertEquals(1, attempts(Faults.Kind.SERVER_ERROR, 502, 3, Endpoints.OPERATE_TASK, p, false));
        clear();
        assertEquals(1, attempts(Faults.Kind.RATE_LIMIT, 0, 3, Endpoints.OPERATE_TASK, p, false));
        clear();
        sb.faults().add(new Faults.Fault(Faults.Kind.DROP, 1, "operate_task", 0));
        try (ApiClient c = client(3, new ArrayList<>())) {
            ApiException ex = assertThrows(ApiException.class, () -> c.call(Endpoints.OPERATE_TASK, p, "pause task 1"));
            assertInstanceOf(InDoubtException.class, ex, "a dropped write is reported as in doubt");
            assertTrue(ex.getMessage().startsWith("pause task 1: not known whether it was applied"), ex.getMessage());
        }
        assertEquals(1, sb.requests().size());
        log.add(String.format("%-15s %-16s x1 -> 1 request(s), in doubt", "DROP", "operate_task"));
    }

    @Test
    void aWriteIsRetriedOnlyWhenTheConnectionWasNeverMade() {
        List<String> trace = new ArrayList<>();
        ApiClient c = new ApiClient(new ClientConfig("http://127.0.0.1:9/api/bk-sops/prod", null, FrontDoor.APIGW, "2",
                "cmdb_biz", new Credentials("a", "b", "c", null, null), Duration.ofSeconds(1), TIMEOUT, 2,
                false, null, new ClientConfig.Trace() {
                    public void verbose(String line) { trace.add(line); }
                    public void debug(String line) { }
                    public boolean verboseEnabled() { return true; }
                    public boolean debugEnabled() { return false; }
                }, COUNTED));
        ApiException ex = assertThrows(ApiException.class,
                () -> c.call(Endpoints.OPERATE_TASK, Map.of("task_id", "1", "action", "pause"), "pause task 1"));
        assertFalse(ex instanceof InDoubtException, "connection refused: certainly not applied");
        assertEquals(2, trace.stream().filter(l -> l.startsWith("retrying operate_task after cannot connect")).count(), trace.toString());
        c.close();
    }
}
