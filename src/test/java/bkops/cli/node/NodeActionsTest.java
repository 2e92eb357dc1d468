package bkops.cli.node;

import bkops.testing.BkopsTest;
import bkops.testing.CliRun;
import bkops.testing.TestSandbox;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Each action in a state that allows it and in one that refuses it, against the sandbox's engine. */
@BkopsTest
class NodeActionsTest {
    TestSandbox sb;
    NodeWorld w;

    @BeforeEach
    void start() {
        w = new NodeWorld(sb);
    }

    private static void refused(CliRun.Result r, String message) {
        assertEquals(3, r.exit(), r.toString());
        assertEquals("", r.out());
        assertEquals("bkops: " + message + " (--force sends it anyway)\n", r.err());
    }

    /** Refused by our check in words; with --force sent, and the server's own refusal reported with exit 3. */
    private void refusedThenForced(String message, String serverSays, String... args) {
        int before = w.writes().size();
        refused(w.run(args), message);
        assertEquals(before, w.writes().size(), "a refusal sends nothing");
        String[] forcedArgs = java.util.Arrays.copyOf(args, args.length + 1);
        forcedArgs[args.length] = "--force";
        CliRun.Result forced = w.run(forcedArgs);
        assertEquals(3, forced.exit(), forced.toString());
        assertEquals(before + 1, w.writes().size());
        assertTrue(forced.err().contains(serverSays) && forced.err().contains("3599999"), forced.err());
    }

    @Test
    void skipAFailedNodeNeedsYesWithoutATerminalThenTheFlowContinues() {
        String task = w.startTask(2);
        w.advance(10);
        String node = w.nodeId(task, "调用接口 flaky http call");
        w.sb.clearRequests();

        CliRun.Result asked = w.run("node", "skip", task, node);
        assertEquals(2, asked.exit(), asked.toString());
        assertTrue(asked.err().contains("nothing was sent") && asked.err().contains("--yes"), asked.err());
        assertTrue(w.writes().isEmpty());

        CliRun.Result r = w.run("node", "skip", task, node, "--yes");
        assertEquals(0, r.exit(), r.toString());
        assertEquals("✔ skip 调用接口 flaky http call (" + node + "): skip sent\n", r.out());
        w.advance(30);
        assertEquals("FINISHED", w.status(task).path("state").asText());
        assertTrue(w.status(task).path("children").path(node).path("skip").asBoolean());
    }

    @Test
    void skipOfAFinishedNodeIsRefusedAndForcedTheServerSaysWhy() {
        String task = w.startTask(1);
        w.advance(7);
        refused(w.run("node", "skip", task, "准备 prepare", "--yes"), "node 准备 prepare is FINISHED; skip needs FAILED");

        CliRun.Result forced = w.run("node", "skip", task, "准备 prepare", "--yes", "--force");
        assertEquals(3, forced.exit(), forced.toString());
        assertTrue(forced.err().contains("state is not FAILED, actual FINISHED"), forced.err());
        assertTrue(forced.err().startsWith("bkops: warning: node 准备 prepare is FINISHED; skip needs FAILED; sending anyway"), forced.err());
    }

    @Test
    void skipGatewayListsTheBranchesThenFollowsTheOneChosenByName() throws Exception {
        String task = w.startTask(6);
        w.advance(3);
        String gw = w.nodeId(task, "按环境 by env");
        assertEquals("FAILED", w.state(task, gw));
        w.sb.clearRequests();

        CliRun.Result list = w.run("node", "skip-gateway", task, "按环境 by env", "--yes");
        assertEquals(2, list.exit(), list.toString());
        assertTrue(list.err().contains("branches of 按环境 by env:"), list.err());
        assertTrue(list.err().contains("  prod  → 生产部署 deploy prod"), list.err());
        assertTrue(list.err().contains("  test  → 测试部署 deploy test"), list.err());
        assertTrue(list.err().endsWith("bkops: choose a branch with --flow (a flow id or branch name above)\n"), list.err());
        assertTrue(w.writes().isEmpty());

        CliRun.Result r = w.run("node", "skip-gateway", task, "按环境 by env", "--flow", "prod", "--yes");
        assertEquals(0, r.exit(), r.toString());
        JsonNode body = NodeWorld.json(w.writes().get(0).body());
        assertEquals("skip_exg", body.path("action").asText());
        String prodFlow = body.path("flow_id").asText();
        assertTrue(list.err().contains("  " + prodFlow + "  prod  → 生产部署 deploy prod"), list.err());
        w.advance(30);
        assertEquals("FINISHED", w.state(task, w.nodeId(task, "生产部署 deploy prod")));
        assertEquals("", w.state(task, w.nodeId(task, "测试部署 deploy test")));
    }

    @Test
    void skipGatewayWithoutAFlowOnATerminalListsTheBranchesBeforeAskingAnything() {
        String task = w.startTask(6);
        w.advance(3);
        w.sb.clearRequests();
        // a terminal on stdin and stdout, and an operator who would answer yes: the branch is asked for first
        CliRun.Result r = CliRun.run(sb.env(), "y\n", sb.sleeper(), true, "node", "skip-gateway", task, "按环境 by env");
        assertEquals(2, r.exit(), r.toString());
        assertTrue(r.err().contains("  prod  → 生产部署 deploy prod"), r.err());
        assertTrue(r.err().endsWith("bkops: choose a branch with --flow (a flow id or branch name above)\n"), r.err());
        assertTrue(!r.err().contains("[y/N]"), "no question before the branch is known: " + r.err());
        assertTrue(w.writes().isEmpty());
    }

    @Test
    void skipGatewayOnAGatewayThatDidNotFailIsRefused() {
        String task = w.startTask(5);
        w.advance(3);
        refusedThenForced("node 按环境 by env is FINISHED; skip-gateway needs FAILED", "state is not FAILED, actual FINISHED",
                "node", "skip-gateway", task, "按环境 by env", "--flow", "test", "--yes");
    }

    @Test
    void aCallbackReleasesThePausedNode() throws Exception {
        String task = w.startTask(4);
        w.advance(2);
        String node = w.nodeId(task, "人工确认 approve");
        assertEquals("RUNNING", w.state(task, node));
        w.sb.clearRequests();

        CliRun.Result r = w.run("node", "callback", task, "人工确认 approve", "--data", "{\"approved\": true}");

        assertEquals(0, r.exit(), r.toString());
        assertEquals("/api/bk-sops/prod/node_callback/" + task + "/2/", w.writes().get(0).pathAndQuery());
        assertEquals(Map.of("node_id", node, "callback_data", Map.of("approved", true), "scope", "cmdb_biz"),
                NodeWorld.MAPPER.readValue(w.writes().get(0).body(), Map.class));
        w.advance(30);
        assertEquals("FINISHED", w.status(task).path("state").asText());
    }

    @Test
    void aCallbackToANodeNotWaitingIsRefusedAndForcedTheEngineSaysSo() {
        String task = w.startTask(1);
        w.advance(7);
        refused(w.run("node", "callback", task, "准备 prepare", "--data", "{}"),
                "node 准备 prepare is FINISHED; callback needs RUNNING (waiting for a callback)");
        CliRun.Result forced = w.run("node", "callback", task, "准备 prepare", "--data", "{}", "--force");
        assertEquals(3, forced.exit(), forced.toString());
        assertTrue(forced.err().contains("can not find sleep process with current node id"), forced.err());
    }

    @Test
    void aCallbackWithAStaleVersionIsRefusedByTheServer() {
        String task = w.startTask(4);
        w.advance(2);
        CliRun.Result r = w.run("node", "callback", task, "人工确认 approve", "--data", "{}", "--version", "0123");
        assertEquals(3, r.exit(), r.toString());
        assertTrue(r.err().contains("node version 0123 not exist"), r.err());
    }

    @Test
    void pauseARunningNodeThenResumeIt() {
        String task = w.startTask(1);
        w.advance(6);
        String node = w.nodeId(task, "部署 deploy");

        CliRun.Result p = w.run("node", "pause", task, "部署 deploy");
        assertEquals(0, p.exit(), p.toString());
        assertEquals("SUSPENDED", w.state(task, node));
        assertEquals("NODE_SUSPENDED", w.status(task).path("state").asText());

        CliRun.Result r = w.run("node", "resume", task, "部署 deploy");
        assertEquals(0, r.exit(), r.toString());
        assertEquals("RUNNING", w.state(task, node));
        w.advance(60);
        assertEquals("FINISHED", w.status(task).path("state").asText());
    }

    @Test
    void pauseInAdvanceStopsTheFlowBeforeTheNode() {
        String task = w.startTask(1);
        String verify = w.nodeId(task, "验证 verify");
        assertEquals(0, w.run("node", "pause", task, "验证 verify").exit());
        w.advance(60);
        assertTrue(!w.status(task).path("state").asText().equals("FINISHED"), w.status(task).toString());
        assertEquals(0, w.run("node", "resume", task, verify).exit());
        w.advance(60);
        assertEquals("FINISHED", w.status(task).path("state").asText());
    }

    @Test
    void pauseOfAFinishedNodeAndResumeOfARunningOneAreRefused() {
        String task = w.startTask(1);
        w.advance(6);
        refusedThenForced("node 准备 prepare is FINISHED; pause needs a node not finished yet (READY, RUNNING or not reached)",
                "state from FINISHED to SUSPENDED", "node", "pause", task, "准备 prepare");
        refusedThenForced("node 部署 deploy is RUNNING; resume needs SUSPENDED", "state from RUNNING to READY",
                "node", "resume", task, "部署 deploy");
    }

    @Test
    void pauseAndResumeASubprocess() {
        String task = w.startTask(9);
        w.advance(3);
        String sub = w.nodeId(task, "子流程 linear deploy");
        assertEquals("RUNNING", w.state(task, sub));

        refusedThenForced("node 子流程 linear deploy is RUNNING; resume-subprocess needs SUSPENDED",
                "pipeline(" + sub + ") state is: RUNNING", "node", "resume-subprocess", task, sub);
        CliRun.Result p = w.run("node", "pause-subprocess", task, "子流程 linear deploy");
        assertEquals(0, p.exit(), p.toString());
        assertEquals("SUSPENDED", w.state(task, sub));
        w.advance(120);
        assertEquals("SUSPENDED", w.state(task, sub), "nothing moves inside a paused subprocess");

        refusedThenForced("node 子流程 linear deploy is SUSPENDED; pause-subprocess needs READY or RUNNING",
                "node(" + sub + ") state from SUSPENDED to SUSPENDED", "node", "pause-subprocess", task, sub);
        CliRun.Result r = w.run("node", "resume-subprocess", task, sub);
        assertEquals(0, r.exit(), r.toString());
        w.advance(120);
        assertEquals("FINISHED", w.status(task).path("state").asText());
    }

    @Test
    void pauseSubprocessOnATaskNodeIsRefusedForItsKind() {
        String task = w.startTask(9);
        w.advance(1);
        refused(w.run("node", "pause-subprocess", task, "检查 pre-check"),
                "node 检查 pre-check is a task node; pause-subprocess needs a subprocess node");
        // engine.py pause_pipeline does not check the node's type: forced, the engine suspends the task node
        CliRun.Result forced = w.run("node", "pause-subprocess", task, "检查 pre-check", "--force");
        assertEquals(0, forced.exit(), forced.toString());
        assertEquals("SUSPENDED", w.state(task, w.nodeId(task, "检查 pre-check")));
    }

    @Test
    void forcedFailKillsARunningNodeAndIsRefusedOnceItHasFailed() {
        String task = w.startTask(1);
        w.advance(1);
        String node = w.nodeId(task, "准备 prepare");

        CliRun.Result r = w.run("node", "forced-fail", task, "准备 prepare", "--yes");
        assertEquals(0, r.exit(), r.toString());
        assertEquals("FAILED", w.state(task, node));

        refusedThenForced("node 准备 prepare is FAILED; forced-fail needs RUNNING", "state is not RUNNING, actual: FAILED",
                "node", "forced-fail", task, "准备 prepare", "--yes");
        CliRun.Result show = w.run("node", "show", task, node);
        assertTrue(show.out().contains("The node has been terminated by admin."), show.toString());
    }

    @Test
    void callbackKeepsHelpThoughItsVersionOptionIsTheNodes() {
        CliRun.Result r = w.run("node", "callback", "--help");
        assertEquals(0, r.exit(), r.toString());
        assertTrue(r.out().contains("--version=VERSION     The node execution's version to call back"), r.out());
    }
}
