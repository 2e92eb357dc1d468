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

    private String createTask(long template, String name) {
        return call("POST", "/create_task/" + template + "/2/", Map.of("name", name)).path("data").path("task_id").asText();
    }

    @Test
    void taskHistorySendsTheProjectsIdAndNamesTheNodes() {
        String task = createTask(2, "history");
        assertEquals(0, sb.run("task", "start", task).exit());
        sb.advance(Duration.ofSeconds(5));
        assertEquals(0, sb.run("node", "retry", task, "flaky").exit());
        sb.clearRequests();

        CliRun.Result r = sb.run("--biz", "2", "task", "history", task);
        assertEquals(0, r.exit(), r.toString());
        assertEquals("", r.err());
        List<String> p = paths();
        assertEquals(3, p.size(), p.toString());
        assertTrue(p.get(0).startsWith("/api/bk-sops/prod/get_task_detail/" + task + "/2/"), p.toString());
        assertEquals("/api/bk-sops/prod/get_user_project_detail/2/?scope=cmdb_biz", p.get(1));
        assertEquals("/api/bk-sops/prod/get_task_operate_record/" + task + "/1/?scope=project", p.get(2),
                "the project's id (1), not the business's (2)");
        List<String> lines = r.out().lines().toList();
        assertEquals(4, lines.size(), r.out());
        assertTrue(lines.get(0).matches("TIME +OPERATOR +OPERATION +NODE +SOURCE"), lines.get(0));
        // the server's +08:00 shown in the local zone, like the other commands' times
        String created = java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss Z")
                .format(java.time.ZonedDateTime.parse("2026-11-25T10:00:00+08:00").withZoneSameInstant(java.time.ZoneId.systemDefault()));
        assertTrue(lines.get(1).matches(java.util.regex.Pattern.quote(created) + " +admin +创建 +api 接口"), r.out());
        assertTrue(lines.get(3).matches(".* +admin +重试 +调用接口 flaky http call +api 接口"), r.out());
        assertTrue(lines.get(3).contains("调用接口 flaky http call"), r.out());

        sb.clearRequests();
        CliRun.Result one = sb.run("-o", "json", "task", "history", task, "--node", "flaky");
        assertEquals(0, one.exit(), one.toString());
        assertTrue(paths().get(2).matches("/api/bk-sops/prod/get_task_operate_record/" + task + "/1/\\?scope=project&node_id=\\w+"),
                paths().toString());
        JsonNode data = json(one.out());
        assertEquals(1, data.size(), one.out());
        assertEquals("retry", data.get(0).path("operate_type").asText());

        CliRun.Result unknown = sb.run("task", "history", task, "--node", "nosuch");
        assertEquals(5, unknown.exit(), unknown.toString());
        assertEquals("bkops: task " + task + " has no node with id or name 'nosuch' (see 'bkops task status " + task
                + " -o wide')\n", unknown.err());
    }

    @Test
    void functionalTasksAreListedByTaskIdAndClaimedThenStarted() {
        String task = call("POST", "/create_task/40/2/", Map.of("name", "职能化 release", "flow_type", "common_func"))
                .path("data").path("task_id").asText();
        sb.clearRequests();

        CliRun.Result list = sb.run("task", "list", "--func");
        assertEquals(0, list.exit(), list.toString());
        assertEquals(List.of("/api/bk-sops/prod/get_user_project_detail/2/?scope=cmdb_biz",
                "/api/bk-sops/prod/get_functionalization_task_list/?project_id=1&limit=100&offset=0"), paths());
        List<String> lines = list.out().lines().toList();
        assertTrue(lines.get(0).matches(" *TASK +NAME +STATUS +CREATOR +CLAIMANT +CREATED"), lines.get(0));
        assertTrue(lines.get(1).matches(" *" + task + " +职能化 release +submitted +admin +.*"), list.out());
        assertEquals("1 of 1 functional tasks, 1 waiting to be claimed ('bkops task claim TASK')\n", list.err());
        assertEquals(task + "\n", sb.run("task", "list", "--func", "-o", "id").out(), "the task's id, not the ticket's");
        assertEquals(2, sb.run("task", "list", "--func", "--keyword", "x").exit());

        sb.clearRequests();
        CliRun.Result dry = sb.run("task", "claim", task, "--start", "--dry-run");
        assertEquals(0, dry.exit(), dry.toString());
        assertTrue(sb.requests().stream().noneMatch(q -> q.method().equals("POST")), "a dry run sends nothing");

        sb.clearRequests();
        CliRun.Result claim = sb.run("task", "claim", task, "--start");
        assertEquals(0, claim.exit(), claim.toString());
        assertEquals("claimed task " + task + "\n", afterActing(claim.err()));
        assertEquals("started task " + task + "\n", claim.out());
        List<RecordedRequest> writes = sb.requests().stream().filter(q -> q.method().equals("POST")).toList();
        assertEquals(2, writes.size(), writes.toString());
        assertEquals("/api/bk-sops/prod/claim_functionalization_task/" + task + "/2/", writes.get(0).pathAndQuery());
        assertEquals(json("{\"scope\":\"cmdb_biz\",\"constants\":{}}"), json(writes.get(0).body()));
        assertEquals("/api/bk-sops/prod/start_task/" + task + "/2/", writes.get(1).pathAndQuery());

        CliRun.Result again = sb.run("task", "claim", task);
        assertEquals(3, again.exit(), again.toString());
        assertEquals(1, afterActing(again.err()).lines().count(), again.err());
        assertTrue(again.err().contains("3599999"), again.err());
    }

    @Test
    void templateSchemesSayWhatEachLeavesOut() {
        sb.clearRequests();
        CliRun.Result r = sb.run("template", "schemes", "40");
        assertEquals(0, r.exit(), r.toString());
        assertEquals(List.of("/api/bk-sops/prod/get_template_schemes/2/40/?scope=cmdb_biz",
                "/api/bk-sops/prod/get_template_info/40/2/?scope=cmdb_biz&template_source=project"), paths(),
                "get_template_schemes's path is reversed, as the real view's");
        assertTrue(r.out().lines().findFirst().orElse("").matches("ID +NAME +NODES +LEAVES OUT"), r.out());
        assertEquals(4, r.out().lines().count(), r.out());
        assertTrue(r.out().contains("40-完整 full     完整 full     5       (nothing)\n"), r.out());
        assertTrue(r.out().contains("40-快速 quick    快速 quick    1       备份 backup, 灰度验证 canary check, 冒烟测试 smoke test, 通知 notify\n"), r.out());
        assertEquals(3, json(sb.run("-o", "json", "template", "schemes", "40").out()).size());
    }

    @Test
    void createWithASchemeSendsTheNodesItLeavesOutAndTheDryRunShowsThePipeline() {
        sb.clearRequests();
        CliRun.Result dry = sb.run("task", "create", "--template", "40", "--name", "quick", "--scheme", "quick", "--dry-run");
        assertEquals(0, dry.exit(), dry.toString());
        List<String> p = paths();
        assertEquals(3, p.size(), p.toString());
        assertEquals("/api/bk-sops/prod/get_template_schemes/2/40/?scope=cmdb_biz", p.get(1));
        assertEquals("/api/bk-sops/prod/preview_task_tree/2/40/", p.get(2));
        assertEquals("dry run: would send create_task for template 40; nothing was sent\n"
                + "the task would run:\n"
                + "▶ start\n"
                + "□ 部署 deploy (bk_display)\n"
                + "■ end\n"
                + "constants no longer referred (left out of the task): ${backup_dir} (备份目录 backup dir), "
                + "${canary_hosts} (灰度主机 canary hosts), ${notify_group} (通知组 notify group)\n", dry.err());
        assertEquals("quick", json(dry.out()).path("name").asText(), "stdout: the request body alone");
        JsonNode excluded = json(sb.requests().get(2).body()).path("exclude_task_nodes_id");
        assertEquals(4, excluded.size(), excluded.toString());

        sb.clearRequests();
        CliRun.Result made = sb.run("task", "create", "--template", "40", "--name", "quick", "--scheme", "快速", "-o", "id");
        assertEquals(0, made.exit(), made.toString());
        RecordedRequest create = sb.requests().stream().filter(q -> q.method().equals("POST")).findFirst().orElseThrow();
        assertEquals("/api/bk-sops/prod/create_task/40/2/", create.pathAndQuery());
        JsonNode body = json(create.body());
        assertEquals(excluded, body.path("exclude_task_nodes_id"));
        assertTrue(body.path("template_schemes_id").isMissingNode(), "never sent: V3.34.12 ignores it");

        CliRun.Result none = sb.run("task", "create", "--template", "40", "--name", "x", "--scheme", "nosuch");
        assertEquals(5, none.exit(), none.toString());
        assertTrue(none.err().startsWith("bkops: template 40 has no execution scheme 'nosuch'; its schemes: 完整 full (40-完整 full)"), none.err());
        CliRun.Result two = sb.run("task", "create", "--template", "40", "--name", "x", "--scheme", "u");
        assertEquals(2, two.exit(), two.toString());
        assertTrue(two.err().contains("--scheme 'u' names "), two.err());
    }

    @Test
    void startCreatesAndStartsInOneCallOrFallsBackOnAnOlderGateway() {
        sb.clearRequests();
        CliRun.Result r = sb.run("task", "create", "--template", "1", "--name", "now", "--start");
        assertEquals(0, r.exit(), r.toString());
        List<RecordedRequest> writes = sb.requests().stream().filter(q -> q.method().equals("POST")).toList();
        assertEquals(1, writes.size(), writes.toString());
        assertEquals("/api/bk-sops/prod/create_and_start_task/1/2/", writes.get(0).pathAndQuery());
        assertEquals("business", json(writes.get(0).body()).path("template_source").asText(), "'project' would pick a common template");
        assertTrue(afterActing(r.err()).startsWith("started task "), r.err());

        sb.faults().add(new Faults.Fault(Faults.Kind.GATEWAY_404, 1, "create_and_start_task", 0));
        sb.clearRequests();
        CliRun.Result old = sb.run("task", "create", "--template", "1", "--name", "old", "--start");
        assertEquals(0, old.exit(), old.toString());
        List<String> posts = sb.requests().stream().filter(q -> q.method().equals("POST")).map(RecordedRequest::pathAndQuery).toList();
        assertEquals(3, posts.size(), posts.toString());
        assertTrue(posts.get(1).startsWith("/api/bk-sops/prod/create_task/1/2/"), posts.toString());
        assertTrue(posts.get(2).startsWith("/api/bk-sops/prod/start_task/"), posts.toString());
        assertTrue(afterActing(old.err()).startsWith("the gateway has no create_and_start_task (bk-sops before 3.34.17): creating the task, then starting it\n"),
                old.err());
    }

    @Test
    void atCreatesAClockedTaskSentWithItsOffsetAndRefusesABadTime() {
        sb.clearRequests();
        // TestSandbox's epoch is 2026-11-25 10:00 in Asia/Shanghai; 03:30 UTC is 11:30 there
        CliRun.Result r = sb.run("task", "create", "--template", "40", "--name", "夜间发布", "--scheme", "quick",
                "--at", "2026-11-25T03:30Z");
        assertEquals(0, r.exit(), r.toString());
        RecordedRequest sent = sb.requests().stream().filter(q -> q.method().equals("POST")).findFirst().orElseThrow();
        assertEquals("/api/bk-sops/prod/create_clocked_task/40/2/", sent.pathAndQuery());
        JsonNode body = json(sent.body());
        assertEquals("2026-11-25 03:30:00+0000", body.path("plan_start_time").asText());
        assertEquals(4, body.path("task_parameters").path("exclude_task_nodes_id").size(), body.toString());
        assertTrue(r.out().matches("clocked task \\d+ '夜间发布' from template 40 starts at 2026-11-25 11:30:00\\+0800 "
                + "\\(the server's time\\); see it with 'bkops clocked list'\n"), r.out());

        sb.clearRequests();
        CliRun.Result local = sb.run("task", "create", "--template", "40", "--name", "local", "--at", "2026-12-02 03:00", "--dry-run");
        assertEquals(0, local.exit(), local.toString());
        assertTrue(sb.requests().stream().noneMatch(q -> q.pathAndQuery().contains("create_clocked_task")), "a dry run creates nothing");
        String offset = java.time.ZonedDateTime.of(2026, 12, 2, 3, 0, 0, 0, java.time.ZoneId.systemDefault())
                .format(java.time.format.DateTimeFormatter.ofPattern("xx"));
        assertEquals("2026-12-02 03:00:00" + offset, json(local.out()).path("plan_start_time").asText(), local.out());
        assertTrue(local.err().contains("the task would run:"), local.err());

        CliRun.Result bad = sb.run("task", "create", "--template", "40", "--name", "x", "--at", "tomorrow 3am");
        assertEquals(2, bad.exit(), bad.toString());
        assertTrue(bad.err().contains("--at 'tomorrow 3am' is not a time like '2026-12-02 03:00' (local zone)"), bad.err());
        assertEquals(2, sb.run("task", "create", "--template", "40", "--name", "x", "--at", "2026-12-02 03:00", "--start").exit());

        CliRun.Result past = sb.run("task", "create", "--template", "40", "--name", "late", "--at", "2026-11-24 03:00:00+0800");
        assertEquals(3, past.exit(), past.toString());
        assertEquals(1, afterActing(past.err()).lines().count(), past.err());
        assertTrue(past.err().contains("Plan start time should be later"), past.err());
        assertTrue(past.err().contains("3546100"), past.err());
    }

    /** A write's stderr after its first line, which says the profile and server it acts on (issue 18). */
    private static String afterActing(String err) {
        assertTrue(err.startsWith("acting on profile sandbox (http://127.0.0.1:"), err);
        return err.substring(err.indexOf('\n') + 1);
    }
}
