package bkops.cli.node;

import bkops.sandbox.RecordedRequest;
import bkops.testing.BkopsTest;
import bkops.testing.CliRun;
import bkops.testing.SandboxConfig;
import bkops.testing.TestSandbox;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** bkops node log: get_task_node_log through the gateway, a private resource; Job nodes point at their step logs. */
@BkopsTest
class NodeLogTest {
    @SandboxConfig(epoch = "2026-03-02T02:00:00Z") // log times: 2026-03-02 10:00:00,000 in the server's zone
    TestSandbox sb;
    NodeWorld w;

    @BeforeEach
    void start() {
        w = new NodeWorld(sb);
    }

    private List<String> paths() {
        return sb.requests().stream().map(r -> URLDecoder.decode(r.pathAndQuery(), StandardCharsets.UTF_8)).toList();
    }

    @Test
    void printsTheCurrentRunsLogAfterResolvingTheNodeByName() {
        String task = w.startTask(2);
        w.advance(5);
        String flaky = w.nodeId(task, "调用接口 flaky http call");
        sb.clearRequests();

        CliRun.Result r = w.run("node", "log", task, "flaky");

        assertEquals(0, r.exit(), r.toString());
        assertEquals("", r.err());
        String[] lines = r.out().split("\n");
        assertEquals(3, lines.length, r.out());
        assertTrue(lines[0].startsWith("[2026-03-02 10:00:00,000][INFO] root_pipeline["), lines[0]);
        assertEquals("[2026-03-02 10:00:00,000][INFO] send GET request to http://flaky.example.com/health", lines[1]);
        assertEquals("[2026-03-02 10:00:02,000][ERROR] 请求异常 request failed: HTTP 503 Service Unavailable "
                + "(url: http://flaky.example.com/health)", lines[2]);
        List<String> p = paths();
        assertEquals(3, p.size(), p.toString());
        assertTrue(p.get(0).startsWith("/api/bk-sops/prod/get_task_detail/" + task + "/2/"), p.toString());
        assertTrue(p.get(1).startsWith("/api/bk-sops/prod/get_task_status/" + task + "/2/"), p.toString());
        assertEquals("/api/bk-sops/prod/get_task_node_log/" + task + "/2/?scope=cmdb_biz&node_id=" + flaky, p.get(2));
    }

    @Test
    void jsonIsTheApisDataAsOneString() {
        String task = w.startTask(2);
        w.advance(5);
        String flaky = w.nodeId(task, "调用接口 flaky http call");
        Object data = sb.get("/get_task_node_log/" + task + "/2/?node_id=" + flaky).data();

        CliRun.Result r = w.run("-o", "json", "node", "log", task, flaky);

        assertEquals(0, r.exit(), r.toString());
        assertEquals(data, NodeWorld.json(r.out()).asText());
        assertTrue(NodeWorld.json(r.out()).isTextual());
    }

    @Test
    void anEarlierRunByAttemptOrVersion() {
        String task = w.startTask(2);
        w.advance(5);
        String flaky = w.nodeId(task, "调用接口 flaky http call");
        assertEquals(0, w.run("node", "retry", task, flaky).exit());
        w.advance(5);

        CliRun.Result now = w.run("node", "log", task, flaky);
        assertFalse(now.out().contains("[ERROR]"), "the retry succeeded: " + now);
        CliRun.Result first = w.run("node", "log", task, flaky, "--attempt", "1");
        assertEquals(0, first.exit(), first.toString());
        assertTrue(first.out().contains("[ERROR] 请求异常 request failed: HTTP 503"), first.out());
        String version = NodeWorld.json(w.run("-o", "json", "node", "show", task, flaky).out())
                .path("histories").get(0).path("version").asText();
        sb.clearRequests();
        CliRun.Result byVersion = w.run("node", "log", task, flaky, "--version", version);
        assertEquals(first.out(), byVersion.out());
        assertTrue(paths().get(2).endsWith("&node_id=" + flaky + "&version=" + version), paths().toString());
        assertEquals(w.run("node", "log", task, flaky, "--attempt", "2").out(), now.out(), "the second run is the current one");

        CliRun.Result third = w.run("node", "log", task, flaky, "--attempt", "3");
        assertEquals(5, third.exit(), third.toString());
        assertEquals("bkops: node 调用接口 flaky http call has run 2 times, not 3\n", third.err());
        assertEquals(2, w.run("node", "log", task, flaky, "--attempt", "1", "--version", version).exit());
    }

    @Test
    void aNodeThatHasNotRunHasNoLogAndSaysSo() {
        String task = w.createTask(1);
        CliRun.Result r = w.run("node", "log", task, "部署 deploy");
        assertEquals(0, r.exit(), r.toString());
        assertEquals("", r.out());
        assertEquals("node 部署 deploy has no log yet: it has not run\n", r.err());
    }

    @Test
    void anUnknownNodeIsRefusedBeforeTheLogIsAskedFor() {
        String task = w.createTask(1);
        sb.clearRequests();
        CliRun.Result r = w.run("node", "log", task, "nosuch");
        assertEquals(5, r.exit(), r.toString());
        assertEquals("bkops: task " + task + " has no node with id or name 'nosuch' (see 'bkops task status " + task
                + " -o wide')\n", r.err());
        assertTrue(paths().stream().noneMatch(p -> p.contains("get_task_node_log")), paths().toString());
    }

    @Test
    void withoutTheGatewaysGrantOneLineSaysWhomToAsk() {
        String task = w.createTask(1);
        sb.sandbox().grants().withhold("get_task_node_log");
        CliRun.Result r = w.run("node", "log", task, "部署 deploy");
        assertEquals(4, r.exit(), r.toString());
        assertEquals("", r.out());
        assertEquals(1, r.err().lines().count(), r.err());
        assertTrue(r.err().contains("get_task_node_log is a private resource of the API gateway: ask the gateway's "
                + "administrator to grant it to your app code"), r.err());
        assertTrue(r.err().contains("1640301"), r.err());
    }

    @Test
    void aJobNodeListsTheLogCommandsOfItsJobSteps() {
        String task = w.startTask(10);
        w.advance(3);
        CliRun.Result r = w.run("node", "log", task, "执行作业 run job plan");
        assertEquals(0, r.exit(), r.toString());
        assertTrue(r.out().contains("][INFO] job_result: {'result': True"), r.out());
        List<String> err = r.err().lines().toList();
        assertTrue(err.get(0).matches("this node ran Job instance (\\d+); the logs of its steps:"), r.err());
        String job = err.get(0).replaceAll("\\D+", " ").trim();
        assertEquals(5, err.size(), r.err());
        assertTrue(err.get(1).matches("  bkops job log " + job + " --step \\d+   # 检查环境 Check environment"), r.err());
        String step = err.get(1).trim().split(" +")[5];
        CliRun.Result stepLog = w.run("job", "log", job, "--step", step, "--all");
        assertEquals(0, stepLog.exit(), "the command it prints works: " + stepLog);

        sb.clearRequests();
        CliRun.Result json = w.run("-o", "json", "node", "log", task, "执行作业 run job plan");
        assertEquals("", json.err());
        assertTrue(sb.requests().stream().noneMatch(q -> q.pathAndQuery().contains("bk-job")), "no Job reads for -o json");
    }

    @Test
    void controlCharactersInTheLogAreShownEscapedAndKeptExactInJson() {
        String task = w.startTask(2);
        w.advance(5);
        String flaky = w.nodeId(task, "调用接口 flaky http call");
        String url = "http://flaky.example.com/\u001b]0;pwned\u0007";
        assertEquals(true, sb.post("/operate_node/2/" + task + "/", Map.of("node_id", flaky, "action", "retry",
                "inputs", Map.of("bk_http_request_method", "GET", "bk_http_request_url", url, "bk_http_request_body", ""))).body().get("result"));
        w.advance(5);

        CliRun.Result r = w.run("node", "log", task, flaky);
        assertTrue(r.out().contains("send GET request to http://flaky.example.com/\\x1b]0;pwned\\x07\n"), r.out());
        assertFalse(r.out().contains("\u001b"), r.out());
        assertTrue(NodeWorld.json(w.run("-o", "json", "node", "log", task, flaky).out()).asText().contains(url));
    }

    @Test
    void aPageIsSentAndTheUnpagedSourceIsSaid() {
        String task = w.startTask(2);
        w.advance(5);
        String flaky = w.nodeId(task, "调用接口 flaky http call");
        sb.clearRequests();
        CliRun.Result r = w.run("node", "log", task, flaky, "--page", "2");
        assertEquals(0, r.exit(), r.toString());
        RecordedRequest log = sb.requests().get(2);
        assertEquals("/api/bk-sops/prod/get_task_node_log/" + task + "/2/?scope=cmdb_biz&node_id=" + flaky + "&page=2", log.pathAndQuery());
        assertEquals("the server's log source has no pages: --page 2 was ignored, this is the whole log\n", r.err());
        assertEquals(2, w.run("node", "log", task, flaky, "--page", "0").exit());
    }
}
