package bkops.cli.task;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import bkops.cli.CliContext;
import bkops.testing.BkopsTest;
import bkops.testing.CliRun;
import bkops.testing.TestSandbox;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.util.Iterator;
import java.util.Map;

/**
 * task wait|watch --through-waiting, the CI gate: it waits past pauses, callbacks, approvals and Job confirmations
 * until the task ends or the deadline passes. Someone acts on the task from inside the wait's sleeper, on the
 * sandbox's manual clock, so each scene is deterministic.
 */
@BkopsTest
class ThroughWaitingTest {
    /** The sandbox's engine times (bk-sops "%Y-%m-%d %H:%M:%S %z", Asia/Shanghai) at TestEnv.EPOCH. */
    private static final String STARTED = "2026-11-25 10:00:00 +0800";

    TestSandbox sb;

    /** Moves the simulated clock by each sleep, and on the {@code n}-th sleep does what someone else would. */
    private CliContext.Sleeper actingOnSleep(int n, Runnable action) {
        int[] count = {0};
        return d -> {
            sb.advance(d);
            if (++count[0] == n) {
                action.run();
            }
        };
    }

    private CliRun.Result run(CliContext.Sleeper sleeper, String... args) {
        return CliRun.run(sb.env(), null, sleeper, false, args);
    }

    /** A node's id by its name, from the task's pipeline tree. */
    private String node(long task, String name) {
        JsonNode acts = sb.get("/get_task_detail/" + task + "/2/").ok().path("data").path("pipeline_tree").path("activities");
        for (Iterator<Map.Entry<String, JsonNode>> it = acts.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            if (name.equals(e.getValue().path("name").asText())) {
                return e.getKey();
            }
        }
        throw new AssertionError("no node " + name + " in " + acts);
    }

    /** A request of the scene, which must have gone through (result true). */
    private static void ok(TestSandbox.Res r) {
        r.ok();
    }

    private static int count(String text, String part) {
        return text.split(java.util.regex.Pattern.quote(part), -1).length - 1;
    }

    @Test
    void aPausedTaskResumedDuringTheWaitFinishes() {
        long id = sb.startTask(1, null);
        ok(sb.post("/operate_task/" + id + "/2/", Map.of("action", "pause")));
        CliRun.Result stops = sb.run("task", "wait", String.valueOf(id));
        assertEquals(12, stops.exit(), "without the flag, as before\n" + stops);

        CliRun.Result r = run(actingOnSleep(2, () -> ok(sb.post("/operate_task/" + id + "/2/", Map.of("action", "resume")))),
                "task", "wait", String.valueOf(id), "--through-waiting");
        assertEquals(0, r.exit(), r::toString);
        assertEquals(id + "  ✔ FINISHED  test task 1\n", r.out());
        assertEquals(1, count(r.err(), "waits on"), r::toString);
        assertTrue(r.err().startsWith("+0s  task " + id + "  ‖ SUSPENDED\n+0s  task " + id
                + " waits on a resume: the task is paused\n"), r::toString);
    }

    @Test
    void aNodeWaitingForACallbackIsCalledBack() {
        long id = sb.startTask(4, null);
        String pause = node(id, "人工确认 approve");
        CliRun.Result r = run(actingOnSleep(3, () -> ok(sb.post("/node_callback/" + id + "/2/",
                Map.of("node_id", pause, "callback_data", Map.of("ok", 1))))), "task", "wait", String.valueOf(id),
                "--through-waiting");
        assertEquals(0, r.exit(), r::toString);
        assertEquals(1, count(r.err(), "waits on"), r::toString);
        assertTrue(r.err().contains("  task " + id + " waits on a callback at 人工确认 approve (" + pause + ") since "
                + STARTED + "\n"), r::toString);
    }

    @Test
    void anApprovalGrantedGoesOnAndOneRejectedFails() {
        long granted = sb.startTask(16, null);
        String approve = node(granted, "审批 approve release");
        CliRun.Result r = run(actingOnSleep(2, () -> ok(sb.post("/node_callback/" + granted + "/2/",
                Map.of("node_id", approve, "callback_data", Map.of("approve_result", true))))),
                "task", "wait", String.valueOf(granted), "--through-waiting");
        assertEquals(0, r.exit(), r::toString);
        assertTrue(r.err().contains(" waits on an approval at 审批 approve release (" + approve + ") since " + STARTED),
                r::toString);

        long rejected = sb.startTask(16, null);
        String node = node(rejected, "审批 approve release");
        // bk-sops approve/v1_0.py plugin_schedule: a rejection fails the node (rejected_block defaults to True)
        CliRun.Result no = run(actingOnSleep(2, () -> ok(sb.post("/node_callback/" + rejected + "/2/",
                Map.of("node_id", node, "callback_data", Map.of("approve_result", false))))),
                "task", "wait", String.valueOf(rejected), "--through-waiting");
        assertEquals(10, no.exit(), no::toString);
        assertTrue(no.err().contains("task " + rejected + ": FAILED"), no::toString);
        assertTrue(no.err().contains("bkops node retry " + rejected + " " + node), no::toString);
    }

    @Test
    void aJobConfirmationIsWaitedPast() {
        CliRun.Result created = sb.run("task", "create", "--template", "10", "--name", "审批发布", "--const",
                "job_plan_id=1004", "--start");
        assertEquals(0, created.exit(), created::toString);
        String id = TaskTesting.createdId(created.out());
        String confirm = sb.sandbox().jobGatewayUrl() + "/api/v3/operate_step_instance";
        CliRun.Result r = run(actingOnSleep(5, () -> {
            TestSandbox.Res res = sb.send("POST", confirm, Map.of("bk_scope_type", "biz", "bk_scope_id", "2",
                    "job_instance_id", 20001, "step_instance_id", 50002, "operation_code", 6), TestSandbox.AUTH);
            assertTrue(res.json().path("result").asBoolean(), res.raw()::body);
        }), "task", "wait", id, "--through-waiting");
        assertEquals(0, r.exit(), r::toString);
        assertEquals(1, count(r.err(), "waits on"), r::toString);
        assertTrue(r.err().contains(" waits on a confirmation in Job instance 20001 (step 50002 发布审批 Approve release) at "
                + "执行作业 run job plan ("), r::toString);
    }

    @Test
    void theDeadlineNamesWhatItStillWaitedOn() {
        long id = sb.startTask(4, null);
        String pause = node(id, "人工确认 approve");
        CliRun.Result r = sb.run("task", "wait", String.valueOf(id), "--through-waiting", "--timeout", "2m", "-o", "jsonl");
        assertEquals(124, r.exit(), r::toString);
        assertEquals(TaskTesting.json("{\"task_id\":\"" + id + "\",\"state\":\"RUNNING\",\"outcome\":\"WAITING\","
                + "\"exit\":124}"), TaskTesting.json(r.out()));
        assertEquals(1, count(r.err(), "waits on"), "said once, however long it waits\n" + r);
        assertTrue(r.err().endsWith("task " + id + ": waiting: paused, or a node waits for a callback or a confirmation\n"
                + "  ● RUNNING  人工确认 approve  (" + pause + "): waiting for a callback\n"
                + "      bkops node callback " + id + " " + pause + " --data '{}'\n"
                + "bkops: --timeout 2m00s passed; still not done: task " + id + ". Resume with: bkops task wait " + id
                + " --through-waiting\n"), r::toString);
    }

    @Test
    void aFailureAfterThePauseEndsWith10() {
        // template 14: its subprocess node fails once its parameters hydrate, after the task was resumed
        long id = sb.startTask(14, null);
        ok(sb.post("/operate_task/" + id + "/2/", Map.of("action", "pause")));
        CliRun.Result r = run(actingOnSleep(3, () -> ok(sb.post("/operate_task/" + id + "/2/", Map.of("action", "resume")))),
                "task", "wait", String.valueOf(id), "--through-waiting");
        assertEquals(10, r.exit(), r::toString);
        assertTrue(r.err().contains("task " + id + " waits on a resume: the task is paused\n"), r::toString);
        assertTrue(r.err().contains("task " + id + ": FAILED"), r::toString);
    }

    @Test
    void aNodeThatFailedWhileTheTaskWasPausedIsNotWaitedPast() {
        // template 2: its first node fails on its first run; the task is paused while it runs, so the root stays
        // SUSPENDED in the legacy status while the node shows FAILED
        long id = sb.startTask(2, null);
        ok(sb.post("/operate_task/" + id + "/2/", Map.of("action", "pause")));
        sb.advance(30);
        assertEquals("SUSPENDED", sb.status(id).get("state"));
        CliRun.Result stops = sb.run("task", "wait", String.valueOf(id));
        assertEquals(12, stops.exit(), "without the flag, as before\n" + stops);
        CliRun.Result r = sb.run("task", "wait", String.valueOf(id), "--through-waiting", "--timeout", "5m");
        assertEquals(10, r.exit(), "the failed node needs someone: the gate ends at once\n" + r);
        assertTrue(r.err().contains("bkops node retry " + id + " "), r::toString);
        assertTrue(r.err().contains("bkops task resume " + id), r::toString);
    }

    @Test
    void watchShowsWhatItWaitsOnInItsFooterAndStartWaitTakesTheFlag() {
        long id = sb.startTask(4, null);
        String pause = node(id, "人工确认 approve");
        CliRun.Result r = CliRun.run(sb.env(), null, actingOnSleep(2, () -> ok(sb.post("/node_callback/" + id + "/2/",
                Map.of("node_id", pause, "callback_data", Map.of())))), true, "task", "watch", String.valueOf(id),
                "--through-waiting");
        assertEquals(0, r.exit(), r::toString);
        assertTrue(r.out().contains("task " + id + " waits on a callback at 人工确认 approve (" + pause + ") since "
                + STARTED), r::toString);
        assertFalse(r.err().contains("waits on"), "on a terminal, the footer says it: nothing on stderr\n" + r);

        String created = TaskTesting.createdId(sb.run("task", "create", "--template", "4", "--name", "gate").out());
        CliRun.Result started = run(actingOnSleep(2, () -> ok(sb.post("/node_callback/" + created + "/2/",
                Map.of("node_id", node(Long.parseLong(created), "人工确认 approve"), "callback_data", Map.of())))),
                "task", "start", created, "--wait", "--through-waiting");
        assertEquals(0, started.exit(), started::toString);
        assertTrue(started.err().contains(" waits on a callback at 人工确认 approve"), started::toString);

        CliRun.Result noWait = sb.run("task", "start", created, "--through-waiting");
        assertEquals(2, noWait.exit(), noWait::toString);
        assertEquals("bkops: --through-waiting goes with --wait\n", noWait.err());
    }
}
