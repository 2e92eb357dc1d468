package bkops.cli.node;

import bkops.sandbox.Faults;
import bkops.testing.BkopsTest;
import bkops.testing.CliRun;
import bkops.testing.TestSandbox;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Addressing nodes: by name, ambiguous names, unknown nodes, --failed across branches and subprocesses, bulk results. */
@BkopsTest
class NodeSelectionTest {
    TestSandbox sb;
    NodeWorld w;

    @BeforeEach
    void start() {
        w = new NodeWorld(sb);
    }

    /** Template 7 with two of its three parallel branches killed while running. */
    private String twoFailedBranches() {
        String task = w.startTask(7);
        w.advance(1);
        assertEquals(0, w.run("node", "forced-fail", task, "部署 华南 south", "--yes").exit());
        assertEquals(0, w.run("node", "forced-fail", task, "部署 华北 north", "--yes").exit());
        w.sb.clearRequests();
        return task;
    }

    @Test
    void failedSelectsEveryFailedBranchListsThemAndAsksBeforeSending() {
        String task = twoFailedBranches();
        String south = w.nodeId(task, "部署 华南 south");
        String north = w.nodeId(task, "部署 华北 north");

        CliRun.Result asked = w.run("node", "retry", task, "--failed");
        assertEquals(2, asked.exit(), asked.toString());
        assertEquals("", asked.out());
        assertEquals("retry on 2 nodes of task " + task + ":\n"
                + "  ✖ FAILED  部署 华南 south  " + south + "\n"
                + "  ✖ FAILED  部署 华北 north  " + north + "\n"
                + "bkops: retry these 2 nodes of task " + task + " needs confirmation and stdin is not a terminal to "
                + "ask on: add --yes to confirm (nothing was sent)\n", asked.err());
        assertTrue(w.writes().isEmpty());

        CliRun.Result r = w.run("node", "retry", task, "--failed", "--yes");
        assertEquals(0, r.exit(), r.toString());
        assertEquals("✔ retry 部署 华南 south (" + south + "): retry sent\n"
                + "✔ retry 部署 华北 north (" + north + "): retry sent\n", r.out());
        assertEquals(List.of(south, north), w.writes().stream().map(q -> NodeWorld.json(q.body()).path("node_id").asText()).toList());
        w.advance(60);
        assertEquals("FINISHED", w.status(task).path("state").asText());
    }

    @Test
    void failedFindsANodeInsideASubprocessAndNamesItsPath() throws Exception {
        String task = w.startTask(9);
        w.advance(3);
        assertEquals(0, w.run("node", "forced-fail", task, "准备 prepare", "--yes").exit());
        String inner = w.nodeId(task, "准备 prepare");
        w.sb.clearRequests();

        CliRun.Result r = w.run("node", "skip", task, "--failed", "--yes");

        assertEquals(0, r.exit(), r.toString());
        assertEquals("✔ skip 子流程 linear deploy / 准备 prepare (" + inner + "): skip sent\n", r.out());
        assertEquals(Map.of("node_id", inner, "action", "skip", "scope", "cmdb_biz"),
                NodeWorld.MAPPER.readValue(w.writes().get(0).body(), Map.class));
        w.advance(120);
        assertEquals("FINISHED", w.status(task).path("state").asText());
    }

    @Test
    void whenSomeNodesFailTheBulkRunReportsEachAndExitsSeven() {
        String task = twoFailedBranches();
        w.sb.faults().add(new Faults.Fault(Faults.Kind.IAM_DENIED, 1, "operate_node", 0));

        CliRun.Result r = w.run("-o", "jsonl", "node", "retry", task, "--failed", "--yes");

        assertEquals(7, r.exit(), r.toString());
        List<JsonNode> lines = r.out().lines().map(NodeWorld::json).toList();
        assertEquals(2, lines.size(), r.out());
        assertEquals("failed", lines.get(0).path("result").asText());
        assertEquals("3599999", lines.get(0).path("code").asText());
        assertEquals("部署 华南 south", lines.get(0).path("name").asText());
        assertEquals("sent", lines.get(1).path("result").asText());
        assertEquals("retry", lines.get(1).path("action").asText());
        assertTrue(r.err().endsWith("retry did not go through on 1 of 2 nodes (see above)\n"), r.err());
    }

    @Test
    void tableResultsSayWhichNodeFailedWithTheServersCodeAndRequestId() {
        String task = twoFailedBranches();
        String south = w.nodeId(task, "部署 华南 south");
        w.sb.faults().add(new Faults.Fault(Faults.Kind.IAM_DENIED, 1, "operate_node", 0));

        CliRun.Result r = w.run("node", "skip", task, "--failed", "--yes");

        assertEquals(7, r.exit(), r.toString());
        String first = r.out().lines().findFirst().orElseThrow();
        assertTrue(first.startsWith("✖ skip 部署 华南 south (" + south + "): skip node " + south), first);
        assertTrue(first.matches(".* \\[code 3599999, request id [^\\]]+\\]"), first);
        assertTrue(r.out().lines().skip(1).findFirst().orElseThrow().startsWith("✔ skip 部署 华北 north"), r.out());
    }

    @Test
    void aTerminalIsAskedAndANoSendsNothing() {
        String task = twoFailedBranches();
        CliRun.Result no = CliRun.run(w.sb.env(), "n\n", w.sb.sleeper(), true, "node", "skip", task, "--failed");
        assertEquals(2, no.exit(), no.toString());
        assertTrue(no.err().contains("Skip these 2 nodes of task " + task + " on profile sandbox ("
                + w.sb.sandbox().sopsGatewayUrl() + ")? This cannot be undone. [y/N] "), no.err());
        assertTrue(no.err().endsWith("bkops: not confirmed; nothing was sent\n"), no.err());
        assertTrue(w.writes().isEmpty());

        CliRun.Result yes = CliRun.run(w.sb.env(), "y\n", w.sb.sleeper(), true, "node", "skip", task, "--failed");
        assertEquals(0, yes.exit(), yes.toString());
        assertEquals(2, w.writes().size());
    }

    @Test
    void noFailedNodeMeansNothingToDo() {
        String task = w.startTask(1);
        CliRun.Result r = w.run("node", "retry", task, "--failed");
        assertEquals(0, r.exit(), r.toString());
        assertEquals("task " + task + " has no failed node; nothing to retry\n", r.err());
    }

    @Test
    void aNameSharedByNodesInSeveralSubprocessesIsListedWithIdsAndPaths() {
        String task = w.startTask(11);
        CliRun.Result r = w.run("node", "show", task, "步骤 step 7");
        assertEquals(2, r.exit(), r.toString());
        assertTrue(r.err().startsWith("nodes named '步骤 step 7':\n  n"), r.err());
        assertTrue(r.err().contains("  批次 batch 0 / 步骤 step 7\n"), r.err());
        assertTrue(r.err().contains("  批次 batch 9 / 步骤 step 7\n"), r.err());
        assertTrue(r.err().endsWith("bkops: 10 nodes of task " + task + " are named '步骤 step 7'; give one of their ids\n"), r.err());
    }

    @Test
    void partOfANameIsEnoughWhenOnlyOneNodeHasIt() {
        String task = w.startTask(7);
        CliRun.Result one = w.run("node", "show", task, "华南");
        assertEquals(0, one.exit(), one.toString());
        assertTrue(one.out().contains("部署 华南 south"), one.out());
        CliRun.Result many = w.run("node", "show", task, "部署");
        assertEquals(2, many.exit(), many.toString());
        assertTrue(many.err().contains("部署 华南 south") && many.err().contains("部署 华北 north"), many.err());
        assertTrue(many.err().contains("have '部署' in their names; give a full name or an id"), many.err());
    }

    @Test
    void aLostReplyIsNotSentAgainAndTheNodeIsReadBack() {
        String task = w.startTask(2);
        w.advance(3);
        w.sb.faults().add(new bkops.sandbox.Faults.Fault(bkops.sandbox.Faults.Kind.DROP, 1, "operate_node", 0));
        w.sb.clearRequests();
        CliRun.Result r = w.run("node", "retry", task, "flaky");
        assertEquals(6, r.exit(), r.toString());
        assertTrue(r.err().contains("not known whether it was applied"), r.err());
        assertTrue(r.err().contains("not seen yet: the node is still FAILED after 10s of reading back, but the retry may "
                + "still take effect: check with 'bkops node show " + task), r.err());
        assertEquals(1, w.sb.requests().stream().filter(q -> q.pathAndQuery().contains("/operate_node/")).count(),
                "never sent again");
    }

    @Test
    void anUnknownNodeIsNotFound() {
        String task = w.startTask(1);
        CliRun.Result r = w.run("node", "retry", task, "no such node");
        assertEquals(5, r.exit(), r.toString());
        assertEquals("bkops: task " + task + " has no node with id or name 'no such node' (see 'bkops task status "
                + task + " -o wide')\n", r.err());
    }

    @Test
    void anUnknownTaskIsNotFound() {
        CliRun.Result r = w.run("node", "show", "99999", "x");
        assertEquals(5, r.exit(), r.toString());
        assertEquals(1, r.err().lines().count(), r.err());
    }

    @Test
    void neitherNodeNorFailedIsAUsageError() {
        CliRun.Result r = w.run("node", "retry", "12");
        assertEquals(2, r.exit(), r.toString());
        assertEquals("bkops: give either a NODE or --failed\n", r.err());
        CliRun.Result bad = w.run("node", "retry", "abc", "x");
        assertEquals(2, bad.exit(), bad.toString());
        assertTrue(w.writes().isEmpty());
    }

    @Test
    void dryRunShowsTheRequestsAndSendsNothing() {
        String task = twoFailedBranches();
        String south = w.nodeId(task, "部署 华南 south");
        CliRun.Result r = w.run("node", "skip", task, "--failed", "--dry-run");
        assertEquals(0, r.exit(), r.toString());
        assertTrue(r.out().startsWith("would send operate_node {\"task_id\":\"" + task + "\",\"node_id\":\"" + south
                + "\",\"action\":\"skip\"}\n"), r.out());
        assertEquals(2, r.out().lines().count());

        CliRun.Result running = w.run("node", "retry", task, "部署 华东 east", "--dry-run");
        assertEquals(0, running.exit(), running.toString());
        assertEquals("would not send (node 部署 华东 east is RUNNING; retry needs FAILED)\n", running.out());
        assertTrue(w.writes().isEmpty());
    }
}
