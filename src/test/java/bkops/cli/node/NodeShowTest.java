package bkops.cli.node;

import bkops.testing.BkopsTest;
import bkops.testing.CliRun;
import bkops.testing.Golden;
import bkops.testing.TestSandbox;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@BkopsTest
class NodeShowTest {
    TestSandbox sb;
    NodeWorld w;

    @BeforeEach
    void start() {
        w = new NodeWorld(sb);
    }

    /** Node ids and versions are random per run: golden files hold placeholders. */
    private static void golden(String name, String actual) throws IOException {
        String masked = actual.replaceAll("\\bn[0-9a-f]{31}\\b", "<node-id>").replaceAll("\\b[0-9a-f]{32}\\b", "<version>");
        Golden.assertMatches("node/" + name, masked);
    }

    @Test
    void aRetriedNodeShowsItsStateInputsOutputsAndTheEarlierFailedTry() throws IOException {
        String task = w.startTask(2);
        w.advance(10);
        assertEquals(0, w.run("node", "retry", task, "调用接口 flaky http call").exit());
        w.advance(10);

        CliRun.Result r = w.run("node", "show", task, "调用接口 flaky http call");

        assertEquals(0, r.exit(), r.toString());
        assertEquals("", r.err());
        golden("show-retried.txt", r.out());
    }

    @Test
    void aNodeInsideASubprocessIsAskedForWithItsStackWorkedOutFromTheTree() {
        String task = w.startTask(9);
        w.advance(3);
        String sub = w.nodeId(task, "子流程 linear deploy");
        String inner = w.nodeId(task, "准备 prepare");
        w.sb.clearRequests();

        CliRun.Result r = w.run("node", "show", task, "准备 prepare");

        assertEquals(0, r.exit(), r.toString());
        assertTrue(r.out().contains("Path       子流程 linear deploy / 准备 prepare\n"), r.out());
        String query = w.sb.requests().stream().map(q -> q.pathAndQuery()).filter(p -> p.contains("get_task_node_detail"))
                .findFirst().orElseThrow();
        String decoded = URLDecoder.decode(query, StandardCharsets.UTF_8);
        assertTrue(decoded.startsWith("/api/bk-sops/prod/get_task_node_detail/" + task + "/2/?"), decoded);
        assertTrue(decoded.contains("node_id=" + inner), decoded);
        assertTrue(decoded.contains("subprocess_stack=[\"" + sub + "\"]"), decoded);
        assertTrue(decoded.contains("component_code=sleep_timer"), decoded);
    }

    @Test
    void aJobNodeShowsItsJobInstanceAndTheCommandToLookAtIt() {
        String task = w.startTask(10);
        w.advance(3);
        CliRun.Result r = w.run("node", "show", task, "执行作业 run job plan");
        assertEquals(0, r.exit(), r.toString());
        assertTrue(r.out().matches("(?s).*\nJob instance (\\d+): see it with 'bkops job status \\1'\n.*"), r.out());
    }

    @Test
    void jsonIsTheApisDataThroughEitherFrontDoor() {
        String task = w.startTask(3);
        w.advance(10);
        for (CliRun.Result r : new CliRun.Result[]{w.run("-o", "json", "node", "show", task, "执行脚本 run script"),
                w.sb.runEsb("-o", "json", "node", "show", task, "执行脚本 run script")}) {
            assertEquals(0, r.exit(), r.toString());
            var data = NodeWorld.json(r.out());
            assertEquals("FAILED", data.path("state").asText());
            assertEquals("JOB执行失败 job failed: script exited with code 1", data.path("ex_data").asText());
            assertEquals("echo start\nexit 1", data.path("inputs").path("job_content").asText());
        }
    }
}
