package bkops.cli.task;

import static bkops.cli.task.TaskTesting.calls;
import static bkops.cli.task.TaskTesting.createdId;
import static bkops.cli.task.TaskTesting.golden;
import static bkops.cli.task.TaskTesting.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import bkops.sandbox.RecordedRequest;
import bkops.testing.BkopsTest;
import bkops.testing.CliRun;
import bkops.testing.TestSandbox;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The seeded scenarios end to end: each checks the printed tree, the JSON, the exit code and what was sent. */
@BkopsTest
class TaskLifecycleTest {
    TestSandbox sb;

    private String create(String template, String name, String... more) {
        String[] args = new String[5 + more.length];
        System.arraycopy(new String[] {"task", "create", "--template", template, "--name"}, 0, args, 0, 5);
        System.arraycopy(more, 0, args, 5, more.length);
        List<String> all = new java.util.ArrayList<>(List.of(args));
        all.add(5, name);
        CliRun.Result r = sb.run(all.toArray(String[]::new));
        assertEquals(0, r.exit(), r::toString);
        return createdId(r.out());
    }

    @Test
    void aJobNodeWaitingForAConfirmationEndsTheWaitWith12AndSaysHowToConfirm() {
        String id = create("10", "审批发布", "--const", "job_plan_id=1004", "--start");
        sb.advance(java.time.Duration.ofSeconds(3)); // the pre-check step ran; Job now waits for a person
        CliRun.Result waiting = sb.run("task", "wait", id, "--timeout", "1m");
        assertEquals(12, waiting.exit(), waiting::toString);
        assertTrue(waiting.err().contains("Job instance 20001 waits for a confirmation at step 50002 发布审批 Approve release"),
                waiting::toString);
        assertTrue(waiting.err().contains("bkops step operate --job 20001 --step 50002 --op confirm"), waiting::toString);

        CliRun.Result confirmed = sb.run("step", "operate", "--job", "20001", "--step", "50002", "--op", "confirm");
        assertEquals(0, confirmed.exit(), confirmed::toString);
        CliRun.Result done = sb.run("task", "wait", id, "--timeout", "1m");
        assertEquals(0, done.exit(), done::toString);
    }

    @Test
    void aTaskThatFinishes() {
        CliRun.Result created = sb.run("task", "create", "--template", "1", "--name", "发布 r2", "--const", "${version}=2.0.0");
        assertEquals(0, created.exit(), created::toString);
        String id = createdId(created.out());
        assertTrue(created.out().contains("/taskflow/execute/1/?instance_id=" + id), created::toString);
        RecordedRequest post = calls(sb, "create_task").get(0);
        assertEquals("POST", post.method());
        assertEquals("/create_task/1/2/", post.pathAndQuery().substring(post.pathAndQuery().indexOf("/create_task/")));
        assertEquals(json("{\"scope\":\"cmdb_biz\",\"name\":\"发布 r2\",\"template_source\":\"project\","
                + "\"constants\":{\"${version}\":\"2.0.0\"}}"), json(post.body()));

        CliRun.Result started = sb.run("task", "start", id);
        assertEquals(0, started.exit(), started::toString);
        assertEquals(id + "  started\n", started.out());
        assertEquals(json("{\"scope\":\"cmdb_biz\"}"), json(calls(sb, "start_task").get(0).body()));

        CliRun.Result watched = sb.run("task", "watch", id);
        assertEquals(0, watched.exit(), watched::toString);
        assertTrue(watched.out().startsWith("+0s  task " + id + "  ● RUNNING\n"), watched::toString);
        assertTrue(watched.out().contains("  部署 deploy  ✔ FINISHED\n"), watched::toString);
        assertEquals("", watched.err());
        golden("finished-tree.txt", sb.run("task", "status", id).out());

        JsonNode status = json(sb.run("task", "status", id, "-o", "json").out());
        assertEquals("FINISHED", status.path("state").asText());
        assertEquals(5, status.path("children").size(), "start, three activities, end");

        CliRun.Result shown = sb.run("task", "show", id);
        assertEquals(0, shown.exit(), shown::toString);
        assertTrue(shown.out().startsWith("Task " + id + "  发布 r2\nState      ✔ FINISHED\n"), shown::toString);
        assertTrue(shown.out().contains("\nConstants\nKEY          NAME           VALUE\n${version}   版本 version   2.0.0\n"),
                shown::toString);
        assertTrue(shown.out().endsWith("Outputs\nKEY          NAME           VALUE\n${version}   版本 version   2.0.0\n"),
                shown::toString);
        JsonNode detail = json(sb.run("task", "show", id, "-o", "json").out());
        assertEquals("2.0.0", detail.path("constants").path("${version}").path("value").asText());
    }

    @Test
    void aFailedNodeRetriedByTheOperatorThenFinishes() {
        String id = create("2", "flaky");
        CliRun.Result waited = sb.run("task", "start", id, "--wait");
        assertEquals(10, waited.exit(), waited::toString);
        assertEquals(id + "  started\n" + id + "  ✖ FAILED  flaky\n", waited.out());
        Matcher retry = Pattern.compile("bkops node retry " + id + " (\\w+)\n").matcher(waited.err());
        assertTrue(retry.find(), waited::toString);
        assertTrue(waited.err().contains("调用接口 flaky http call  (" + retry.group(1)
                + "): 请求异常 request failed: HTTP 503"), waited::toString);
        // skip is destructive: the suggestion carries --yes, so that it runs as given without a terminal too
        assertTrue(waited.err().contains("bkops node skip " + id + " " + retry.group(1) + " --yes\n"), waited::toString);
        golden("failed-tree.txt", sb.run("task", "status", id).out());
        JsonNode status = json(sb.run("task", "status", id, "-o", "json").out());
        assertEquals("FAILED", status.path("state").asText());
        assertTrue(status.path("ex_data").has(retry.group(1)), status::toString);

        JsonNode retried = TaskTesting.post(sb, "/operate_node/2/" + id + "/",
                "{\"scope\":\"cmdb_biz\",\"node_id\":\"" + retry.group(1) + "\",\"action\":\"retry\"}");
        assertTrue(retried.path("result").asBoolean(), retried::toString);
        CliRun.Result again = sb.run("task", "wait", id);
        assertEquals(0, again.exit(), again::toString);
        assertEquals(id + "  ✔ FINISHED  flaky\n", again.out());
        golden("retried-tree.txt", sb.run("task", "status", id).out());
    }

    @Test
    void aNodeWaitingForACallbackEndsTheWaitWith12() {
        String id = create("4", "approval");
        CliRun.Result r = sb.run("task", "start", id, "--wait", "-o", "jsonl");
        assertEquals(12, r.exit(), r::toString);
        String[] lines = r.out().split("\n");
        assertEquals(json("{\"task_id\":\"" + id + "\",\"action\":\"start\",\"ok\":true}"), json(lines[0]));
        assertEquals(2, lines.length, r::toString);
        assertEquals(json("{\"task_id\":\"" + id + "\",\"state\":\"RUNNING\",\"outcome\":\"WAITING\",\"exit\":12}"),
                json(lines[1]));
        Matcher cb = Pattern.compile("bkops node callback " + id + " (\\w+) --data '\\{}'").matcher(r.err());
        assertTrue(cb.find(), r::toString);
        assertTrue(r.err().contains("人工确认 approve  (" + cb.group(1) + "): waiting for a callback"), r::toString);
        golden("callback-tree.txt", sb.run("task", "status", id).out());
        assertEquals("RUNNING", json(sb.run("task", "status", id, "-o", "json").out()).path("state").asText());
    }

    @Test
    void revokeNeedsYesWithoutATerminalThenRevokes() {
        String id = create("1", "to revoke", "--start");
        CliRun.Result refused = sb.run("task", "revoke", id);
        assertEquals(2, refused.exit(), refused::toString);
        assertTrue(refused.err().contains("add --yes to confirm (nothing was sent)"), refused::toString);
        assertTrue(calls(sb, "operate_task").isEmpty());

        CliRun.Result declined = CliRun.run(sb.env(), "n\n", sb.sleeper(), true, "task", "revoke", id);
        assertEquals(2, declined.exit(), declined::toString); // "not confirmed" is exit 2 wherever it is asked
        assertTrue(declined.err().startsWith("Revoke task " + id + " on profile sandbox ("
                + sb.sandbox().sopsGatewayUrl() + ")? "), declined::toString);
        assertTrue(calls(sb, "operate_task").isEmpty());

        CliRun.Result revoked = sb.run("task", "revoke", id, "--yes");
        assertEquals(0, revoked.exit(), revoked::toString);
        assertEquals(id + "  revoked\n", revoked.out());
        RecordedRequest op = calls(sb, "operate_task").get(0);
        assertTrue(op.pathAndQuery().endsWith("/operate_task/" + id + "/2/"), op::toString);
        assertEquals(json("{\"scope\":\"cmdb_biz\",\"action\":\"revoke\"}"), json(op.body()));

        CliRun.Result waited = sb.run("task", "wait", id);
        assertEquals(11, waited.exit(), waited::toString);
        assertTrue(waited.err().contains("task " + id + ": REVOKED"), waited::toString);
        assertEquals("REVOKED", json(sb.run("task", "status", id, "-o", "json").out()).path("state").asText());
        golden("revoked-tree.txt", sb.run("task", "status", id).out());
    }

    @Test
    void aGatewayWithNoMatchingBranchOffersEachFlow() {
        String id = create("6", "no branch", "--start");
        CliRun.Result r = sb.run("task", "watch", id);
        assertEquals(10, r.exit(), r::toString);
        Matcher skip = Pattern.compile("bkops node skip-gateway " + id + " (\\w+) --flow (\\w+) --yes   # prod\n"
                + "\\s+bkops node skip-gateway " + id + " \\1 --flow (\\w+) --yes   # test\n").matcher(r.err());
        assertTrue(skip.find(), r::toString);
        assertTrue(r.err().contains("all conditions of branches are not meet"), r::toString);
        assertTrue(r.out().contains("按环境 by env  ✖ FAILED"), r::toString);
        golden("no-branch-tree.txt", sb.run("task", "status", id).out());
        JsonNode status = json(sb.run("task", "status", id, "-o", "json").out());
        assertEquals("FAILED", status.path("children").path(skip.group(1)).path("state").asText());
        // the suggested command, as printed, goes through without a terminal
        CliRun.Result chosen = sb.run("node", "skip-gateway", id, skip.group(1), "--flow", skip.group(2), "--yes");
        assertEquals(0, chosen.exit(), chosen::toString);
    }

    @Test
    void aSubprocessIsNestedInTheTree() {
        String id = create("9", "with child");
        CliRun.Result r = sb.run("task", "start", id, "--wait", "--interval", "5s");
        assertEquals(0, r.exit(), r::toString);
        golden("subprocess-tree.txt", sb.run("task", "status", id).out());
        String wide = sb.run("task", "status", id, "-o", "wide").out();
        JsonNode status = json(sb.run("task", "status", id, "-o", "json").out());
        JsonNode sub = null;
        for (JsonNode child : status.path("children")) {
            if (child.path("children").size() > 0) {
                sub = child;
            }
        }
        assertTrue(sub != null, "the subprocess node nests its own children");
        assertTrue(wide.contains(sub.path("id").asText()), wide);
        assertEquals(5, sub.path("children").size());
        String dot = sb.run("task", "graph", id).out();
        assertTrue(dot.contains("subgraph \"cluster_" + sub.path("id").asText() + "\""), dot);
        assertTrue(dot.contains("fillcolor=\"#c8e6c9\""), "finished nodes filled green: " + dot);
    }

    @Test
    void createTypesAndChecksWhatItSends() {
        CliRun.Result unknown = sb.run("task", "create", "--template", "5", "--name", "x", "--const", "region=sh");
        assertEquals(2, unknown.exit(), unknown::toString);
        assertEquals("bkops: the template has no constant ${region}; its constants: ${env}\n", unknown.err());
        assertTrue(calls(sb, "create_task").isEmpty());

        CliRun.Result dry = sb.run("task", "create", "--template", "1", "--name", "dry", "--exclude", "部署 deploy",
                "--dry-run");
        assertEquals(0, dry.exit(), dry::toString);
        assertTrue(calls(sb, "create_task").isEmpty());
        JsonNode body = json(dry.out());
        assertEquals(1, body.path("exclude_task_nodes_id").size(), dry::toString);

        CliRun.Result ambiguous = sb.run("task", "create", "--template", "1", "--name", "x", "--exclude", "nothing");
        assertEquals(2, ambiguous.exit(), ambiguous::toString);
        assertTrue(ambiguous.err().contains("its nodes: "), ambiguous::toString);

        CliRun.Result fromFile = CliRun.run(sb.env(), "{\"version\": \"3.1\"}", sb.sleeper(), false,
                "task", "create", "--template", "1", "--name", "file", "--const-file", "-", "--flow-type", "common",
                "--exclude", body.path("exclude_task_nodes_id").get(0).asText(), "-o", "id");
        assertEquals(0, fromFile.exit(), fromFile::toString);
        assertTrue(fromFile.out().matches("\\d+\n"), fromFile::toString);
        assertEquals(json("{\"scope\":\"cmdb_biz\",\"name\":\"file\",\"template_source\":\"project\","
                        + "\"flow_type\":\"common\",\"constants\":{\"${version}\":\"3.1\"},\"exclude_task_nodes_id\":"
                        + body.path("exclude_task_nodes_id") + "}"),
                json(calls(sb, "create_task").get(0).body()));

        CliRun.Result asJson = sb.run("task", "create", "--template", "1", "--name", "j", "-o", "json");
        assertTrue(json(asJson.out()).path("pipeline_tree").isObject(), asJson::toString);
    }
}
