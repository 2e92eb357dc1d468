package bkops.cli.node;

import bkops.sandbox.RecordedRequest;
import bkops.testing.BkopsTest;
import bkops.testing.CliRun;
import bkops.testing.TestSandbox;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Node operations judged as bamboo-engine judges them, and the server's answers read as the real service gives them,
 * on the sandbox scenarios that reproduce it (docs/fidelity.md): a tree without retryable/skippable (template
 * 17), a failed start event (13), a SubProcess node that failed itself (14), a subprocess shown FAILED or
 * NODE_SUSPENDED while the engine runs it (9), an approval node (16), engine refusals as Python tracebacks.
 * Reads that follow an operation wait 11 s of sandbox time first: the real server caches get_task_status 10 s.
 */
@BkopsTest
class EngineFidelityTest {
    TestSandbox sb;
    NodeWorld w;

    @BeforeEach
    void start() {
        w = new NodeWorld(sb);
    }

    private JsonNode tree(String task) {
        CliRun.Result r = w.run("task", "show", task, "-o", "json");
        assertEquals(0, r.exit(), r.toString());
        return NodeWorld.json(r.out()).path("pipeline_tree");
    }

    private JsonNode lastWrite() {
        List<RecordedRequest> writes = w.writes();
        return NodeWorld.json(writes.get(writes.size() - 1).body());
    }

    private String finalState(String task) {
        w.advance(30);
        return w.status(task).path("state").asText();
    }

    // ---- 1. tree defaults ----

    @Test
    void activitiesWithoutRetryableOrSkippableAreRetriedAndSkipped() {
        String task = w.startTask(17);
        w.advance(1);
        String node = w.nodeId(task, "旧版脚本 legacy script");
        JsonNode def = tree(task).path("activities").path(node);
        for (String key : List.of("retryable", "skippable", "can_retry", "isSkipped")) {
            assertFalse(def.has(key), "an older tree has no " + key + ": " + def);
        }
        assertEquals("FAILED", w.state(task, node));

        CliRun.Result retry = w.run("node", "retry", task, "旧版脚本 legacy script", "--input", "job_content=echo ok");
        assertEquals(0, retry.exit(), retry.toString());
        assertEquals("FINISHED", finalState(task));

        String other = w.startTask(17);
        w.advance(1);
        CliRun.Result skip = w.run("node", "skip", other, "旧版脚本 legacy script", "--yes");
        assertEquals(0, skip.exit(), skip.toString());
        assertEquals("FINISHED", finalState(other));
    }

    // ---- 2. never stricter than the engine ----

    @Test
    void aFailedStartEventIsOfferedRetryAndSkipAndRetriedItRuns() {
        String task = w.startTask(13);
        String start = tree(task).path("start_event").path("id").asText();
        assertEquals("FAILED", w.state(task, start));

        CliRun.Result wait = w.run("task", "wait", task, "--timeout", "5s");
        assertEquals(10, wait.exit(), wait.toString());
        assertTrue(wait.err().contains("  ✖ FAILED  start  (" + start + "): context hydrate failed("), wait.err());
        assertTrue(wait.err().contains("      bkops node retry " + task + " " + start + "\n"
                + "      bkops node skip " + task + " " + start + " --yes\n"), wait.err());

        w.advance(11);
        CliRun.Result retry = w.run("node", "retry", task, start);
        assertEquals(0, retry.exit(), retry.toString());
        assertEquals("retry", lastWrite().path("action").asText());
        assertEquals("FINISHED", finalState(task));
        assertEquals(1, w.status(task).path("children").path(start).path("retry").asInt());
    }

    @Test
    void aFailedStartEventCanBeSkipped() {
        String task = w.startTask(13);
        String start = tree(task).path("start_event").path("id").asText();
        CliRun.Result skip = w.run("node", "skip", task, start, "--yes");
        assertEquals(0, skip.exit(), skip.toString());
        assertEquals("FINISHED", finalState(task));
        JsonNode s = w.status(task).path("children").path(start);
        assertTrue(s.path("skip").asBoolean(), s.toString());
        assertEquals(0, s.path("retry").asInt(), "set_state(is_skip=True) does not count a retry: " + s);
    }

    @Test
    void aSubprocessNodeThatFailedItselfIsRetriedWithRetrySubprocessAndOfferedNoSkip() {
        String task = w.startTask(14);
        w.advance(3);
        String sub = w.nodeId(task, "子流程 hosts subprocess");
        JsonNode s = w.status(task).path("children").path(sub);
        assertEquals("FAILED", s.path("state").asText());
        assertTrue(s.path("children").isEmpty(), "nothing inside ran: " + s);

        CliRun.Result wait = w.run("task", "wait", task, "--timeout", "5s");
        assertEquals(10, wait.exit(), wait.toString());
        assertTrue(wait.err().contains("  ✖ FAILED  子流程 hosts subprocess  (" + sub + "): context hydrate failed("), wait.err());
        assertTrue(wait.err().contains("      bkops node retry " + task + " " + sub + "\n"), wait.err());
        assertFalse(wait.err().contains("bkops node skip " + task + " " + sub), "a SubProcess cannot be skipped: " + wait.err());

        w.advance(11);
        w.sb.clearRequests();
        CliRun.Result retry = w.run("node", "retry", task, "子流程 hosts subprocess");
        assertEquals(0, retry.exit(), retry.toString());
        assertEquals("✔ retry 子流程 hosts subprocess (" + sub + "): retry sent\n", retry.out());
        assertEquals(Map.of("node_id", sub, "action", "retry_subprocess", "scope", "cmdb_biz"),
                NodeWorld.MAPPER.convertValue(lastWrite(), Map.class));
        assertEquals("FINISHED", finalState(task));
    }

    @Test
    void retryFailedTakesASubprocessNodeThatFailedItself() {
        String task = w.startTask(14);
        w.advance(3);
        String sub = w.nodeId(task, "子流程 hosts subprocess");
        w.sb.clearRequests();
        CliRun.Result r = w.run("node", "retry", task, "--failed", "--yes");
        assertEquals(0, r.exit(), r.toString());
        assertEquals(1, w.writes().size(), r.toString());
        assertEquals(sub, lastWrite().path("node_id").asText());
        assertEquals("retry_subprocess", lastWrite().path("action").asText());
        assertEquals("FINISHED", finalState(task));
    }

    @Test
    void aSubprocessShownFailedBecauseOfANodeInsideRunsInTheEngine() {
        String task = w.startTask(9);
        w.advance(3);
        String sub = w.nodeId(task, "子流程 linear deploy");
        assertEquals(0, w.run("node", "forced-fail", task, "准备 prepare", "--yes").exit());
        w.advance(11);
        assertEquals("FAILED", w.state(task, sub));

        int before = w.writes().size();
        CliRun.Result refused = w.run("node", "retry", task, "子流程 linear deploy");
        assertEquals(3, refused.exit(), refused.toString());
        assertEquals("bkops: node 子流程 linear deploy shows FAILED because a node inside it failed, while the subprocess "
                + "itself still runs; retry the failed node inside it (or: bkops node retry TASK --failed) "
                + "(--force sends it anyway)\n", refused.err());
        assertEquals(before, w.writes().size());

        // --force still sends; the engine's refusal (a Python traceback) is reported as its exception line
        CliRun.Result forced = w.run("node", "retry", task, "子流程 linear deploy", "--force");
        assertEquals(3, forced.exit(), forced.toString());
        assertEquals(before + 1, w.writes().size());
        String[] lines = forced.err().split("\n");
        assertEquals(3, lines.length, forced.err());
        assertTrue(lines[0].startsWith("bkops: warning: node 子流程 linear deploy shows FAILED"), forced.err());
        assertEquals("acting on profile sandbox (" + sb.sandbox().sopsGatewayUrl() + ")", lines[1]);
        assertTrue(lines[2].startsWith("bkops: retry_subprocess node " + sub + " of task " + task + ": InvalidOperationError: "
                + sub + " state is not FAILED, actual RUNNING [code 3599999, request id "), forced.err());

        // pause_pipeline: the engine holds the subprocess RUNNING, so it can be paused
        CliRun.Result pause = w.run("node", "pause-subprocess", task, "子流程 linear deploy");
        assertEquals(0, pause.exit(), pause.toString());
        w.advance(11);
        assertEquals("SUSPENDED", w.state(task, sub));
    }

    @Test
    void aSubprocessShownNodeSuspendedIsPausedAndThenResumeSubprocessIsSuggested() {
        String task = w.startTask(9);
        w.advance(3);
        String sub = w.nodeId(task, "子流程 linear deploy");
        assertEquals(0, w.run("node", "pause", task, "准备 prepare").exit());
        w.advance(11);
        assertEquals("NODE_SUSPENDED", w.state(task, sub));

        CliRun.Result pause = w.run("node", "pause-subprocess", task, "子流程 linear deploy");
        assertEquals(0, pause.exit(), pause.toString());
        w.advance(11);
        assertEquals("SUSPENDED", w.state(task, sub));

        CliRun.Result wait = w.run("task", "wait", task, "--timeout", "5s");
        assertEquals(12, wait.exit(), wait.toString());
        assertTrue(wait.err().contains("  ‖ SUSPENDED  子流程 linear deploy  (" + sub + "): subprocess paused\n"
                + "      bkops node resume-subprocess " + task + " " + sub + "\n"), wait.err());
    }

    // ---- 5. messages ----

    @Test
    void aNodeErrorThatIsATracebackShowsItsExceptionLineInTheTreeAndTheVerdict() {
        String task = w.startTask(17);
        w.advance(1);
        String exception = "AttributeError: 'NoneType' object has no attribute 'encode'";
        CliRun.Result status = w.run("task", "status", task);
        assertEquals(0, status.exit(), status.toString());
        assertTrue(status.out().contains("✖ FAILED") && status.out().contains(exception), status.out());
        assertFalse(status.out().contains("Traceback") || status.out().contains("File \""), status.out());

        CliRun.Result wait = w.run("task", "wait", task, "--timeout", "5s");
        assertEquals(10, wait.exit(), wait.toString());
        assertTrue(wait.err().contains("  ✖ FAILED  旧版脚本 legacy script  (" + w.nodeId(task, "旧版脚本 legacy script")
                + "): " + exception + "\n"), wait.err());

        CliRun.Result show = w.run("node", "show", task, "旧版脚本 legacy script");
        assertTrue(show.out().contains("  Traceback (most recent call last):\n")
                && show.out().contains("fast_execute_script/legacy.py\", line 186, in plugin_execute")
                && show.out().contains("  " + exception + "\n"), "node show keeps the whole traceback: " + show.out());
    }

    @Test
    void anEngineRefusalReadsAsItsExceptionLine() {
        String task = w.startTask(1);
        w.advance(1);
        CliRun.Result r = w.run("node", "skip", task, "准备 prepare", "--yes", "--force");
        assertEquals(3, r.exit(), r.toString());
        String node = w.nodeId(task, "准备 prepare");
        assertTrue(r.err().contains("\nbkops: skip node " + node + " of task " + task + ": InvalidOperationError: " + node
                + " state is not FAILED, actual RUNNING [code 3599999, request id "), r.err());
        assertFalse(r.err().contains("fail:") || r.err().contains("Traceback") || r.err().contains("File \""), r.err());
    }

    // ---- 6. approval nodes ----

    @Test
    void anApprovalIsOfferedApproveAndRejectAndApprovedItFinishes() {
        String task = w.startTask(16);
        w.advance(1);
        String node = w.nodeId(task, "审批 approve release");
        CliRun.Result wait = w.run("task", "wait", task, "--timeout", "5s");
        assertEquals(12, wait.exit(), wait.toString());
        assertTrue(wait.err().contains("  ● RUNNING  审批 approve release  (" + node + "): waiting for an approval\n"
                + "      bkops node callback " + task + " " + node + " --approve\n"
                + "      bkops node callback " + task + " " + node + " --reject\n"), wait.err());

        w.advance(11);
        w.sb.clearRequests();
        CliRun.Result r = w.run("node", "callback", task, "审批 approve release", "--approve");
        assertEquals(0, r.exit(), r.toString());
        assertEquals("/api/bk-sops/prod/node_callback/" + task + "/2/", w.writes().get(0).pathAndQuery());
        assertEquals(Map.of("node_id", node, "callback_data", Map.of("approve_result", true), "scope", "cmdb_biz"),
                NodeWorld.MAPPER.convertValue(lastWrite(), Map.class));
        assertEquals("FINISHED", finalState(task));
    }

    @Test
    void aRejectedApprovalFailsTheNode() {
        String task = w.startTask(16);
        w.advance(1);
        CliRun.Result r = w.run("node", "callback", task, "审批 approve release", "--reject");
        assertEquals(0, r.exit(), r.toString());
        assertEquals(Map.of("approve_result", false), NodeWorld.MAPPER.convertValue(lastWrite().path("callback_data"), Map.class));
        w.advance(11);
        assertEquals("FAILED", w.state(task, w.nodeId(task, "审批 approve release")));
        CliRun.Result show = w.run("node", "show", task, "审批 approve release");
        assertTrue(show.out().contains("approve_result   审核结果   拒绝"), show.out());
    }

    @Test
    void callbackDataWithoutApproveResultIsRefusedAndForcedItFailsTheApproval() {
        String task = w.startTask(16);
        w.advance(1);
        w.sb.clearRequests();
        CliRun.Result refused = w.run("node", "callback", task, "审批 approve release", "--data", "{\"approved\": true}");
        assertEquals(2, refused.exit(), refused.toString());
        assertEquals("bkops: node 审批 approve release is an approval (bk_approve): its callback data needs approve_result, "
                + "or the node fails; use --approve or --reject (--force sends it anyway)\n", refused.err());
        assertTrue(w.writes().isEmpty());

        CliRun.Result forced = w.run("node", "callback", task, "审批 approve release", "--data", "{\"approved\": true}", "--force");
        assertEquals(0, forced.exit(), forced.toString());
        w.advance(11);
        CliRun.Result status = w.run("task", "status", task, "-o", "wide");
        assertTrue(status.out().contains("get Approve Component result failed: {'approved': True}, err: 'approve_result'"),
                status.out());
    }

    @Test
    void approveIsForApprovalNodesOnly() {
        String task = w.startTask(4);
        w.advance(1);
        w.sb.clearRequests();
        CliRun.Result r = w.run("node", "callback", task, "人工确认 approve", "--approve");
        assertEquals(2, r.exit(), r.toString());
        assertEquals("bkops: --approve/--reject answer an approval node (bk_approve); node 人工确认 approve is a pause_node "
                + "node: use --data (--force sends it anyway)\n", r.err());
        assertEquals(2, w.run("node", "callback", task, "人工确认 approve").exit(), "one of --data, --approve, --reject");
        assertTrue(w.writes().isEmpty());
    }

    // ---- 10. smaller ones ----

    @Test
    void taskShowPrintsTheTemplateIdWithoutInventingItsSource() {
        String task = w.createTask(1);
        CliRun.Result r = w.run("task", "show", task);
        assertEquals(0, r.exit(), r.toString());
        assertTrue(r.out().matches("(?s).*\nTemplate +1\n.*"), r.out());
        JsonNode d = NodeWorld.json(w.run("task", "show", task, "-o", "json").out());
        assertFalse(d.has("template_source") || d.has("bk_biz_id"), "get_task_detail has neither: " + d);
        assertTrue(d.path("template_id").isInt(), d.toString());
    }

    @Test
    void templateShowDoesNotAskForTemplateConstants() {
        CliRun.Result r = w.run("template", "show", "5");
        assertEquals(0, r.exit(), r.toString());
        List<RecordedRequest> reads = w.sb.requests();
        assertEquals(1, reads.size(), reads.toString());
        assertFalse(reads.get(0).pathAndQuery().contains("include_constants"), reads.get(0).pathAndQuery());
    }

    @Test
    void theDetailOfANodeNotReachedHasNoId() {
        String task = w.startTask(1);
        CliRun.Result r = w.run("node", "show", task, "验证 verify", "-o", "json");
        assertEquals(0, r.exit(), r.toString());
        JsonNode d = NodeWorld.json(r.out());
        assertEquals("READY", d.path("state").asText());
        assertFalse(d.has("id") || d.has("histories") || d.has("history_id"), d.toString());
    }

    @Test
    void businessIdsAreNumbersAsTheServiceSendsThem() {
        CliRun.Result r = w.run("template", "list", "-o", "json");
        assertEquals(0, r.exit(), r.toString());
        assertTrue(NodeWorld.json(r.out()).get(0).path("bk_biz_id").isInt(), r.out());
    }
}
