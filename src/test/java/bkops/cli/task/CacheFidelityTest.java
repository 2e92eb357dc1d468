package bkops.cli.task;

import static bkops.cli.task.TaskTesting.calls;
import static bkops.cli.task.TaskTesting.createdId;
import static bkops.cli.task.TaskTesting.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import bkops.sandbox.Faults;
import bkops.sandbox.SandboxCredentials;
import bkops.testing.BkopsTest;
import bkops.testing.CliRun;
import bkops.testing.TestSandbox;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The server's caches (get_task_status / get_tasks_status 10 s, get_task_detail 60 s), auto-retry nodes, revoked and
 * failed tasks in lists, functional tasks and get_task_status's own not-found: each test first pins what the server
 * does (so it fails against a sandbox without it), then that the commands are right in spite of it.
 */
@BkopsTest
class CacheFidelityTest {
    TestSandbox sb;

    private String create(String template, String name, String... more) {
        List<String> args = new ArrayList<>(List.of("task", "create", "--template", template, "--name", name));
        args.addAll(List.of(more));
        CliRun.Result r = sb.run(args.toArray(String[]::new));
        assertEquals(0, r.exit(), r::toString);
        return createdId(r.out());
    }

    /** The same GET as bkops's polls (get_task_status with ex_data), so the same cache key: what a poll gets now. */
    private JsonNode polled(String task) {
        return get("/get_task_status/" + task + "/2/?scope=cmdb_biz&with_ex_data=true").path("data");
    }

    private JsonNode get(String pathAndQuery) {
        return sb.get(pathAndQuery).json();
    }

    /** Template 2's task after its node failed, with FAILED in the server's cache under the polls' key. */
    private String failedAndCached() {
        String id = create("2", "flaky");
        CliRun.Result waited = sb.run("task", "start", id, "--wait");
        assertEquals(10, waited.exit(), waited::toString);
        assertEquals("FAILED", polled(id).path("state").asText());
        return id;
    }

    @Test
    void aRetryThenAWaitEndsFinishedNotOnTheFailureTheServerStillHasCached() {
        String id = failedAndCached();
        CliRun.Result retried = sb.run("node", "retry", id, "--failed", "--yes");
        assertEquals(0, retried.exit(), retried::toString);
        // bk-sops get_task_status.py: cached 10 s per path, user and parameters; the retry does not clear it
        assertEquals("FAILED", polled(id).path("state").asText(), "the server answers the polls' key from its cache");
        CliRun.Result now = sb.run("task", "status", id, "-o", "json");
        assertEquals("RUNNING", json(now.out()).path("state").asText(), "a one-shot status reads past the cache");

        CliRun.Result waited = sb.run("task", "wait", id);
        assertEquals(0, waited.exit(), waited::toString);
        assertEquals(id + "  ✔ FINISHED  flaky\n", waited.out());
    }

    @Test
    void aWatchAfterARetryNeverShowsTheStaleFailure() {
        String id = failedAndCached();
        assertEquals(0, sb.run("node", "retry", id, "--failed", "--yes").exit());
        assertEquals("FAILED", polled(id).path("state").asText());

        CliRun.Result watched = sb.run("task", "watch", id);
        assertEquals(0, watched.exit(), watched::toString);
        assertFalse(watched.out().contains("FAILED"), watched::toString);
        assertTrue(watched.out().contains("task " + id + "  ✔ FINISHED"), watched::toString);
    }

    @Test
    void aPreCheckRightAfterAnOperationJudgesOnTheStateNow() {
        String id = failedAndCached();
        assertEquals(0, sb.run("node", "retry", id, "--failed", "--yes").exit());
        assertEquals("FAILED", polled(id).path("state").asText());

        CliRun.Result again = sb.run("node", "retry", id, "--failed", "--yes");
        assertEquals(0, again.exit(), again::toString);
        assertEquals("task " + id + " has no failed node; nothing to retry\n", again.err());
        assertEquals(1, calls(sb, "operate_node").size(), "nothing sent for a failure the cache still shows");
    }

    @Test
    void aReadBackAfterALostReplyIsNotFooledByTheCache() {
        String id = create("1", "slow", "--start");
        CliRun.Result polls = sb.run("task", "wait", id, "--timeout", "2s");
        assertEquals(124, polls.exit(), polls::toString);
        sb.faults().add(new Faults.Fault(Faults.Kind.DROP_APPLIED, 1, "operate_task", 0));

        CliRun.Result paused = sb.run("task", "pause", id);
        assertEquals("RUNNING", polled(id).path("state").asText(), "the polls' key still has the state before the pause");
        assertEquals(0, paused.exit(), paused::toString);
        assertEquals(id + "  paused (the reply was lost; read back: SUSPENDED)\n", paused.out());
        assertEquals(1, calls(sb, "operate_task").size(), "not re-sent");
    }

    @Test
    void aNodeTheServerRetriesByItselfKeepsTheWaitGoingAndItSaysSo() {
        String id = create("21", "auto", "--start");
        sb.advance(Duration.ofSeconds(3)); // the node failed at 2 s; the server retries it 5 s later
        JsonNode pending = get("/get_task_status/" + id + "/2/?with_auto_retry_status=1&with_failed_node_info=1");
        assertEquals("FAILED", pending.path("data").path("state").asText(), pending::toString);
        assertEquals(true, pending.path("data").path("auto_retry_status").path("exist_auto_retry_nodes").asBoolean(),
                pending::toString);

        CliRun.Result waited = sb.run("task", "wait", id);
        assertEquals(0, waited.exit(), waited::toString);
        assertEquals(id + "  ✔ FINISHED  auto\n", waited.out());
        assertTrue(waited.err().contains("task " + id + ": the server retries 调用接口 flaky http call (retried 0 of 2 "
                + "times so far) by itself; still waiting"), waited::toString);
        JsonNode done = json(sb.run("task", "status", id, "-o", "json").out());
        JsonNode node = null;
        for (JsonNode c : done.path("children")) {
            if (c.path("name").asText().equals("调用接口 flaky http call")) {
                node = c;
            }
        }
        assertEquals(1, node.path("retry").asInt(), "retried once, by the server: " + done);
    }

    @Test
    void revokedAndFailedTasksAreListedWithTheirStateAndTheTimesOfTheOtherCommands() {
        String revoked = create("1", "gone", "--start");
        assertEquals(0, sb.run("task", "revoke", revoked, "--yes").exit());
        String failed = create("2", "broken", "--start");
        String fresh = create("1", "new");
        sb.advance(Duration.ofSeconds(3));

        // bamboo-pipeline set_revoked: finish_time set, is_finished left false
        JsonNode items = json(sb.run("task", "list", "-o", "json").out());
        JsonNode gone = null;
        for (JsonNode t : items) {
            if (t.path("id").asText().equals(revoked)) {
                gone = t;
            }
        }
        assertEquals(false, gone.path("is_finished").asBoolean(), items::toString);
        assertFalse(gone.path("finish_time").isNull(), items::toString);

        sb.clearRequests();
        CliRun.Result table = sb.run("task", "list");
        assertEquals(0, table.exit(), table::toString);
        assertEquals(1, calls(sb, "get_tasks_status").size(), "one bulk read for the page");
        String started = json(sb.run("task", "status", revoked, failed, "-o", "json").out()).get(0).path("start_time").asText();
        assertEquals("2026-11-25 10:00:00 +0800", started, "get_tasks_status's format, the server's zone");
        assertTrue(row(table.out(), revoked).contains("REVOKED"), table::toString);
        assertTrue(row(table.out(), revoked).contains(started), table::toString);
        assertTrue(row(table.out(), failed).contains("FAILED"), table::toString);
        assertTrue(row(table.out(), fresh).contains("CREATED"), table::toString);
        assertFalse(table.out().contains("running") || table.out().contains("ended"), table::toString);

        assertEquals("", sb.run("task", "list", "--finished", "-o", "id").out(), "a revoked task is not finished");
        assertEquals(List.of(fresh, failed, revoked),
                List.of(sb.run("task", "list", "--no-finished", "-o", "id").out().split("\n")));
    }

    private static String row(String table, String id) {
        for (String line : table.split("\n")) {
            if (line.trim().startsWith(id + " ")) {
                return line;
            }
        }
        throw new AssertionError("no row " + id + " in\n" + table);
    }

    @Test
    void theStatusCountHasNoRevokedGroup() {
        String revoked = create("1", "gone", "--start");
        assertEquals(0, sb.run("task", "revoke", revoked, "--yes").exit());
        // bk-sops gcloud/taskflow3/models.py group_by_state: CREATED, EXECUTING (started, not finished), FINISHED
        JsonNode count = json(sb.runEsb("task", "count", "--group-by", "status", "-o", "json").out());
        List<String> codes = new ArrayList<>();
        count.path("groups").forEach(g -> codes.add(g.path("code").asText()));
        assertEquals(List.of("CREATED", "EXECUTING", "FINISHED"), codes, count::toString);
        assertEquals(1, count.path("groups").get(1).path("value").asInt(), count::toString);
    }

    @Test
    void aFunctionalTaskStartedAndWaitedOnSaysAtOnceThatItWaitsForAClaim() {
        Instant before = sb.clock().now();
        CliRun.Result r = sb.run("task", "create", "--template", "1", "--name", "func", "--flow-type", "common_func",
                "--start", "--wait", "--timeout", "10m");
        String id = createdId(r.out());
        assertEquals(12, r.exit(), r::toString);
        assertTrue(r.err().contains("task " + id + " is a functional task (flow_type common_func) that nobody has "
                + "claimed: it runs only once someone claims it at " + sb.sandbox().esbUrl() + "/o/bk_sops/function/execute/"
                + SandboxCredentials.PROJECT_ID + "/?instance_id=" + id), r::toString);
        assertTrue(Duration.between(before, sb.clock().now()).compareTo(Duration.ofSeconds(5)) < 0, "said at once");

        // start_task accepted it, yet it stays CREATED in func_claim (get_tasks_status shows current_flow)
        assertEquals("CREATED", json(sb.run("task", "status", id, "-o", "json").out()).path("state").asText());
        JsonNode item = json(sb.runWithStdin(id + "\n", "task", "status", "-", "-o", "json").out());
        assertEquals("func_claim", item.get(0).path("current_flow").asText(), item::toString);
        CliRun.Result paused = sb.run("task", "pause", id);
        assertEquals(3, paused.exit(), paused::toString);
        // gcloud/taskflow3/models.py task_action: "cannot be %sed" % action (sic)
        assertTrue(paused.err().contains("task with current_flow:func_claim cannot be pauseed"), paused::toString);

        CliRun.Result again = sb.run("task", "start", id, "--wait", "--timeout", "10m");
        assertEquals(12, again.exit(), again::toString);
        assertTrue(again.err().contains("bkops task start " + id + "   # once claimed"), again::toString);
    }

    @Test
    void getTaskStatusAnswersAnUnknownTaskWithItsOwnCodeAndGetTasksStatusGivesEmptyTimes() {
        CliRun.Result unknown = sb.run("task", "status", "99999");
        assertEquals(5, unknown.exit(), unknown::toString);
        assertTrue(unknown.err().contains("get status error: TaskFlowInstance matching query does not exist")
                && unknown.err().contains("code 3599999"), unknown::toString);
        assertEquals(5, sb.run("task", "wait", "99999").exit());

        String a = create("1", "idle");
        String b = create("1", "idle too");
        JsonNode items = json(sb.run("task", "status", a, b, "-o", "json").out());
        assertEquals("", items.get(0).path("start_time").asText("null"), items::toString);
        assertEquals("", items.get(0).path("finish_time").asText("null"), items::toString);
    }
}
