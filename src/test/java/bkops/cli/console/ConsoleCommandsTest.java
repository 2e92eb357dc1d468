package bkops.cli.console;

import bkops.sandbox.Faults;
import bkops.sandbox.RecordedRequest;
import bkops.testing.BkopsTest;
import bkops.testing.CliRun;
import bkops.testing.TestSandbox;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The operator's console commands of issue 15 (plugin list, clocked list) against the sandbox over HTTP. */
@BkopsTest
class ConsoleCommandsTest {
    TestSandbox sb;

    private List<String> paths() {
        return sb.requests().stream().map(r -> URLDecoder.decode(r.pathAndQuery(), StandardCharsets.UTF_8)).toList();
    }

    static JsonNode json(String s) {
        try {
            return TestSandbox.JSON.readTree(s);
        } catch (IOException e) {
            throw new AssertionError("not JSON: " + s, e);
        }
    }

    private JsonNode call(String method, String path, Object body) {
        return sb.send(method, sb.sandbox().sopsGatewayUrl() + path, body, TestSandbox.AUTH).ok();
    }

    @Test
    void pluginListShowsCodeNameVersionAndGroupOneRowPerVersion() {
        sb.clearRequests();
        CliRun.Result r = sb.run("plugin", "list");
        assertEquals(0, r.exit(), r.toString());
        assertEquals(List.of("/api/bk-sops/prod/get_plugin_list/2/?scope=cmdb_biz"), paths());
        String[] lines = r.out().split("\n");
        assertTrue(lines[0].matches("CODE +NAME +VERSION +GROUP *( +DESCRIPTION)?"), lines[0]);
        assertTrue(r.out().lines().anyMatch(l -> l.matches("job_execute_task +.* +legacy +.*")), r.out());
        JsonNode data = json(sb.run("-o", "json", "plugin", "list").out());
        assertEquals(lines.length - 1, data.size(), "a row per plugin version");
        assertTrue(r.err().matches("\\d+ plugin versions\n"), r.err());
    }

    @Test
    void pluginListWithoutTheGrantSaysWhatToApplyFor() {
        sb.sandbox().grants().withhold("get_plugin_list");
        CliRun.Result r = sb.run("plugin", "list");
        assertEquals(4, r.exit(), r.toString());
        assertEquals("", r.out());
        assertEquals(1, r.err().lines().count(), r.err());
        assertTrue(r.err().contains("apply for get_plugin_list in the API gateway's permission page"), r.err());
    }

    @Test
    void clockedListShowsPlanTimeStateAndTheTaskItCreated() {
        // TestSandbox's epoch is 2026-11-25 10:00 in Asia/Shanghai
        call("POST", "/create_clocked_task/40/2/", Map.of("task_name", "夜间发布", "plan_start_time", "2026-11-25 11:00:00+0800",
                "task_parameters", Map.of("constants", Map.of())));
        call("POST", "/create_clocked_task/40/2/", Map.of("task_name", "later", "plan_start_time", "2026-11-26 03:00:00+0800",
                "task_parameters", Map.of("constants", Map.of())));
        sb.advance(Duration.ofMinutes(61));
        sb.clearRequests();

        CliRun.Result r = sb.run("clocked", "list");
        assertEquals(0, r.exit(), r.toString());
        assertEquals(List.of("/api/bk-sops/prod/get_clocked_task_list/2/?scope=cmdb_biz&limit=100&offset=0"), paths());
        String[] lines = r.out().split("\n");
        assertEquals(3, lines.length, r.out());
        assertTrue(lines[0].matches("ID +NAME +TEMPLATE +PLAN START +STATE +TASK +CREATOR"), lines[0]);
        assertTrue(r.out().contains("2026-11-26 03:00:00+0800   not_started"), r.out());
        assertTrue(r.out().contains("2026-11-25 11:00:00+0800   started       "), r.out());
        assertEquals("2 of 2 clocked tasks\n", r.err());

        sb.clearRequests();
        CliRun.Result started = sb.run("clocked", "list", "--state", "started", "--name", "夜间", "-o", "id");
        assertEquals(0, started.exit(), started.toString());
        assertEquals(List.of("/api/bk-sops/prod/get_clocked_task_list/2/?scope=cmdb_biz&state=started&task_name=夜间&limit=100&offset=0"),
                paths());
        assertEquals(1, started.out().lines().count(), started.out());
        assertEquals(2, json(sb.run("-o", "json", "clocked", "list").out()).size());
        assertEquals(2, sb.run("clocked", "list", "--state", "done").exit());
    }

    @Test
    void clockedListOnAnOlderGatewaySaysTheApiIsMissing() {
        sb.faults().add(new Faults.Fault(Faults.Kind.GATEWAY_404, 1, "get_clocked_task_list", 0));
        CliRun.Result r = sb.run("clocked", "list");
        assertEquals(1, r.err().lines().count(), r.err());
        assertTrue(r.err().contains("the gateway has no API get_clocked_task_list at this URL"), r.err());
    }
}
