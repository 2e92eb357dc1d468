package bkops.cli.node;

import bkops.sandbox.RecordedRequest;
import bkops.testing.BkopsTest;
import bkops.testing.CliRun;
import bkops.testing.TestSandbox;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

@BkopsTest
class NodeRetryTest {
    TestSandbox sb;
    NodeWorld w;

    @BeforeEach
    void start() {
        w = new NodeWorld(sb);
    }

    @Test
    void retryWithoutInputsSendsNoInputsFieldAndTheFlakyNodePasses() throws Exception {
        String task = w.startTask(2);
        w.advance(10);
        String node = w.nodeId(task, "调用接口 flaky http call");
        assertEquals("FAILED", w.state(task, node));
        w.sb.clearRequests();

        CliRun.Result r = w.run("node", "retry", task, "调用接口 flaky http call");

        assertEquals(0, r.exit(), r.toString());
        assertEquals("✔ retry 调用接口 flaky http call (" + node + "): retry sent\n", r.out());
        List<RecordedRequest> writes = w.writes();
        assertEquals(1, writes.size());
        assertEquals("/api/bk-sops/prod/operate_node/2/" + task + "/", writes.get(0).pathAndQuery());
        assertEquals(Map.of("node_id", node, "action", "retry", "scope", "cmdb_biz"),
                NodeWorld.MAPPER.readValue(writes.get(0).body(), Map.class));
        w.advance(30);
        assertEquals("FINISHED", w.state(task, node));
    }

    @Test
    void retryWithAChangedInputMakesTheFailingScriptPass() throws Exception {
        String task = w.startTask(3);
        w.advance(10);
        String node = w.nodeId(task, "执行脚本 run script");
        assertEquals("FAILED", w.state(task, node));
        w.sb.clearRequests();

        CliRun.Result r = w.run("node", "retry", task, node, "--input", "job_content=echo ok");

        assertEquals(0, r.exit(), r.toString());
        var body = NodeWorld.json(w.writes().get(0).body());
        assertEquals("retry", body.path("action").asText());
        assertEquals("echo ok", body.path("inputs").path("job_content").asText());
        assertEquals("root", body.path("inputs").path("job_account").asText(), "the other inputs are sent unchanged");
        w.advance(30);
        assertEquals("FINISHED", w.state(task, node));
    }

    @Test
    void anInputTheNodeDoesNotHaveIsRefusedBeforeSending() {
        String task = w.startTask(3);
        w.advance(10);
        w.sb.clearRequests();

        CliRun.Result r = w.run("node", "retry", task, "执行脚本 run script", "--input", "job_contnet=echo ok");

        assertEquals(2, r.exit(), r.toString());
        assertTrue(r.err().contains("has no input 'job_contnet'"), r.err());
        assertTrue(w.writes().isEmpty());
    }

    @Test
    void retryOfARunningNodeIsRefusedInWordsAndForceLetsTheServerAnswer() {
        String task = w.startTask(1);
        w.advance(6);
        String node = w.nodeId(task, "部署 deploy");
        assertEquals("RUNNING", w.state(task, node));
        w.sb.clearRequests();

        CliRun.Result r = w.run("node", "retry", task, "部署 deploy");

        assertEquals(3, r.exit(), r.toString());
        assertEquals("bkops: node 部署 deploy is RUNNING; retry needs FAILED (--force sends it anyway)\n", r.err());
        assertTrue(w.writes().isEmpty());

        CliRun.Result forced = w.run("node", "retry", task, "部署 deploy", "--force");

        assertEquals(3, forced.exit(), forced.toString());
        assertTrue(forced.err().contains("state is not FAILED, actual RUNNING"), forced.err());
        assertTrue(forced.err().contains("3599999"), forced.err());
        assertFalse(forced.out().contains("✔"));
    }

    @Test
    void inputsFromAFileOnStdinAndInputsWithFailedIsAUsageError() throws Exception {
        String task = w.startTask(3);
        w.advance(10);
        w.sb.clearRequests();

        CliRun.Result both = w.run("node", "retry", task, "--failed", "--input", "job_content=echo ok");
        assertEquals(2, both.exit(), both.toString());
        assertTrue(w.writes().isEmpty());

        CliRun.Result r = w.sb.runWithStdin("{\"job_content\": \"echo fixed\"}", "node", "retry", task,
                "执行脚本 run script", "--inputs-file", "-");
        assertEquals(0, r.exit(), r.toString());
        assertEquals("echo fixed", NodeWorld.json(w.writes().get(0).body()).path("inputs").path("job_content").asText());
        w.advance(30);
        assertEquals("FINISHED", w.status(task).path("state").asText());
    }
}
