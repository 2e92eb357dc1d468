package bkops.cli.task;

import static bkops.cli.task.TaskTesting.calls;
import static bkops.cli.task.TaskTesting.createdId;
import static bkops.cli.task.TaskTesting.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import bkops.sandbox.Faults;
import bkops.testing.BkopsTest;
import bkops.testing.CliRun;
import bkops.testing.TestSandbox;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.Map;
import java.util.List;

/** Several ids at once: one line per id, exit 7 when some fail, status 50 ids per request, paging, lost replies. */
@BkopsTest
class TaskBulkTest {
    TestSandbox sb;

    private List<String> create(int n) {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            CliRun.Result r = sb.run("task", "create", "--template", "1", "--name", "t" + i);
            assertEquals(0, r.exit(), r::toString);
            ids.add(createdId(r.out()));
        }
        return ids;
    }

    @Test
    void bulkStartWithABadIdExits7WithALinePerId() {
        List<String> ids = create(2);
        CliRun.Result r = sb.runWithStdin(ids.get(0) + "\n99999\n", "task", "start", "-", ids.get(1));
        assertEquals(7, r.exit(), r::toString);
        assertEquals(ids.get(0) + "  started\n" + ids.get(1) + "  started\n", r.out());
        assertTrue(r.err().startsWith("acting on profile sandbox (" + sb.sandbox().sopsGatewayUrl() + ")\n"
                + "bkops: start task 99999: "), r::toString);
        assertTrue(r.err().contains("[code 3540400"), r::toString);
        assertEquals(3, calls(sb, "start_task").size());

        CliRun.Result again = sb.run("task", "start", ids.get(0), ids.get(1), "-o", "jsonl");
        assertEquals(3, again.exit(), "all refused: the refusal's own code\n" + again);
        String[] lines = again.out().split("\n");
        assertEquals(2, lines.length, again::toString);
        JsonNode first = json(lines[0]);
        assertEquals(ids.get(0), first.path("task_id").asText());
        assertEquals(false, first.path("ok").asBoolean());
        assertEquals(3, first.path("exit").asInt());
        assertTrue(first.path("error").asText().contains("task already started"), first::toString);
    }

    @Test
    void bulkStatusReadsFiftyPerRequestAndReportsUnknownIds() {
        List<String> ids = create(60);
        sb.clearRequests();
        String stdin = String.join("\n", ids) + "\n424242\n";
        CliRun.Result r = sb.runWithStdin(stdin, "task", "status", "-");
        assertEquals(7, r.exit(), r::toString);
        assertEquals(61, r.out().split("\n").length, "a header and one line per known task\n" + r);
        assertTrue(r.out().startsWith("   ID"), r::toString);
        assertEquals("bkops: 424242  task not found (or deleted)\n", r.err());
        List<JsonNode> bodies = calls(sb, "get_tasks_status").stream().map(x -> json(x.body())).toList();
        assertEquals(2, bodies.size(), "61 ids in two requests");
        assertEquals(61, bodies.get(0).path("task_id_list").size() + bodies.get(1).path("task_id_list").size());
        assertTrue(bodies.stream().allMatch(b -> b.path("task_id_list").size() <= 50));

        CliRun.Result jsonl = sb.runWithStdin(String.join(" ", ids.subList(0, 3)), "task", "status", "-", "-o", "jsonl");
        assertEquals(0, jsonl.exit(), jsonl::toString);
        String[] lines = jsonl.out().split("\n");
        assertEquals(3, lines.length);
        assertEquals("CREATED", json(lines[0]).path("status").path("state").asText());

        CliRun.Result none = sb.run("task", "status", "424242", "424243");
        assertEquals(5, none.exit(), none::toString);
    }

    @Test
    void listPagesThroughTheServersCapOf200() {
        create(3);
        sb.clearRequests();
        CliRun.Result r = sb.run("task", "list", "--limit", "2", "-o", "id");
        assertEquals(0, r.exit(), r::toString);
        assertEquals(2, r.out().split("\n").length, r::toString);
        CliRun.Result all = sb.run("task", "list", "--limit", "450", "--no-started", "--keyword", "t", "-o", "jsonl");
        assertEquals(3, all.out().split("\n").length, all::toString);
        List<String> queries = calls(sb, "get_task_list").stream().map(x -> x.pathAndQuery()).toList();
        assertTrue(queries.get(0).contains("limit=2&offset=0"), queries::toString);
        assertTrue(queries.get(1).contains("keyword=t&is_started=false&limit=200&offset=0"), queries::toString);
        assertEquals(2, queries.size(), "the short page ends the paging");
    }

    @Test
    void aLostReplyIsReadBackNotResent() {
        String id = create(1).get(0);
        assertEquals(0, sb.run("task", "start", id).exit());
        sb.faults().add(new Faults.Fault(Faults.Kind.DROP, 1, "operate_task", 0));
        Map<String, String> env = new HashMap<>(sb.env());
        env.put("BKOPS_TIMEOUT", "2s");
        CliRun.Result r = sb.run(env, "task", "pause", id);
        assertEquals(6, r.exit(), r::toString);
        assertEquals("", r.out());
        assertTrue(r.err().endsWith("not seen yet: task " + id + " is still RUNNING after 10s of reading back, but the "
                + "pause may still take effect: check with 'bkops task status " + id + "' before sending it again "
                + "(not re-sent)\n"), r::toString);
        assertEquals(1, calls(sb, "operate_task").size(), "not re-sent");
        assertEquals(5, calls(sb, "get_task_status").size(), "read back over a short window");
    }

    @Test
    void aLostCreateReplyLooksForTheTaskInsteadOfCreatingAnother() {
        sb.faults().add(new Faults.Fault(Faults.Kind.DROP, 1, "create_task", 0));
        Map<String, String> env = new HashMap<>(sb.env());
        env.put("BKOPS_TIMEOUT", "2s");
        CliRun.Result r = sb.run(env, "task", "create", "--template", "1", "--name", "once");
        assertEquals(6, r.exit(), r::toString);
        assertTrue(r.err().endsWith("no task named 'once' from template 1 seen yet after 10s of reading back, but it may "
                + "still appear: check with 'bkops task list --keyword once --template 1' before creating it again "
                + "(not re-sent)\n"), r::toString);
        assertEquals(1, calls(sb, "create_task").size());
        assertTrue(calls(sb, "get_task_list").get(0).pathAndQuery().contains("keyword=once&template_id=1"));
    }

    @Test
    void dryRunSendsNothing() {
        String id = create(1).get(0);
        CliRun.Result r = sb.run("task", "revoke", id, "--dry-run");
        assertEquals(0, r.exit(), r::toString);
        assertEquals("would send operate_task task_id=" + id + " action=revoke\n", r.out());
        assertTrue(calls(sb, "operate_task").isEmpty());
    }

    @Test
    void countThroughEsbAndAClearRefusalThroughTheGateway() {
        create(2);
        CliRun.Result esb = sb.runEsb("task", "count", "--group-by", "status", "-o", "json");
        assertEquals(0, esb.exit(), esb::toString);
        assertEquals(2, json(esb.out()).path("total").asInt());
        CliRun.Result gw = sb.run("task", "count", "--group-by", "status");
        assertEquals(2, gw.exit(), gw::toString);
        assertTrue(gw.err().contains("query_task_count is not published on the API gateway; use --gateway esb"), gw::toString);
    }
}
