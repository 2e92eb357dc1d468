package bkops.sandbox;

import bkops.testing.BkopsTest;
import bkops.testing.TestSandbox;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Walks each seeded scenario through its states over HTTP with a manual clock. */
@BkopsTest
class TaskEngineTest {
    TestSandbox c;

    /** The task's node id for an activity (or gateway type) name, searched in nested pipelines too. */
    String node(long task, String nameOrType) {
        Map<?, ?> tree = (Map<?, ?>) c.get("/get_task_detail/" + task + "/2/").dataMap().get("pipeline_tree");
        String id = find(tree, nameOrType);
        if (id == null) throw new AssertionError("no node " + nameOrType);
        return id;
    }

    private static String find(Map<?, ?> tree, String nameOrType) {
        for (String kind : List.of("activities", "gateways")) {
            for (Object o : ((Map<?, ?>) tree.get(kind)).values()) {
                Map<?, ?> n = (Map<?, ?>) o;
                if (nameOrType.equals(n.get("name")) || nameOrType.equals(n.get("type"))) return (String) n.get("id");
                if (n.get("pipeline") instanceof Map<?, ?> p) {
                    String inner = find(p, nameOrType);
                    if (inner != null) return inner;
                }
            }
        }
        return null;
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> child(Map<String, Object> status, String id) {
        return (Map<String, Object>) ((Map<String, Object>) status.get("children")).get(id);
    }

    TestSandbox.Res operate(long task, Map<String, Object> body) {
        return c.post("/operate_node/2/" + task + "/", body);
    }

    static void assertRefused(TestSandbox.Res r, String messagePart) {
        assertEquals(false, r.body().get("result"), r.body().toString());
        assertEquals(3599999, r.body().get("code"));
        assertTrue(String.valueOf(r.body().get("message")).contains(messagePart), r.body().toString());
    }

    @Test
    void linearFlowRunsNodeAfterNodeAndShowsOnlyReachedNodes() {
        long task = c.createTask(1, null);
        Map<String, Object> created = c.status(task);
        assertEquals("CREATED", created.get("state"));
        assertEquals(Map.of(), created.get("children"));
        TestSandbox.Res start = c.post("/start_task/" + task + "/2/", Map.of());
        assertEquals(true, start.body().get("result"));
        assertNotNull(start.body().get("task_url"));
        assertEquals(start.body().get("task_url"), start.dataMap().get("task_url"));
        String prepare = node(task, "准备 prepare");
        String deploy = node(task, "部署 deploy");
        Map<String, Object> s = c.status(task);
        assertEquals("RUNNING", s.get("state"));
        assertTrue(s.containsKey("root_id:"));
        assertEquals("RUNNING", child(s, prepare).get("state"));
        assertNull(child(s, prepare).get("finish_time"));
        assertNull(child(s, deploy));
        c.advance(5);
        s = c.status(task);
        assertEquals("FINISHED", child(s, prepare).get("state"));
        assertEquals("RUNNING", child(s, deploy).get("state"));
        assertEquals("部署 deploy", child(s, deploy).get("name"));
        c.advance(12);
        s = c.status(task);
        assertEquals("FINISHED", s.get("state"));
        assertEquals(5, ((Map<?, ?>) s.get("children")).size());
        assertEquals(17, ((Number) s.get("elapsed_time")).intValue());
        assertEquals(3545000, c.post("/start_task/" + task + "/2/", Map.of()).body().get("code"));
    }

    @Test
    void flakyNodeFailsOnceThenSucceedsOnRetry() {
        long task = c.startTask(2, null);
        String http = node(task, "调用接口 flaky http call");
        c.advance(2);
        Map<String, Object> s = c.status(task);
        assertEquals("FAILED", s.get("state"));
        assertEquals("FAILED", child(s, http).get("state"));
        assertTrue(((Map<?, ?>) s.get("ex_data")).containsKey(http));
        assertEquals(true, operate(task, Map.of("node_id", http, "action", "retry")).body().get("result"));
        assertRefused(operate(task, Map.of("node_id", http, "action", "retry")), "state is not FAILED, actual RUNNING");
        c.advance(5);
        s = c.status(task);
        assertEquals("FINISHED", s.get("state"));
        assertEquals(1, child(s, http).get("retry"));
        Map<String, Object> detail = c.get("/get_task_node_detail/" + task + "/2/?node_id=" + http).dataMap();
        assertEquals(1, ((List<?>) detail.get("histories")).size());
        assertEquals(List.of(), detail.get("subprocess_stack"));
    }

    @Test
    void scriptNodeFailsUntilItsInputIsFixed() {
        long task = c.startTask(3, null);
        String script = node(task, "执行脚本 run script");
        c.advance(3);
        assertEquals("FAILED", c.status(task).get("state"));
        Map<String, Object> data = c.get("/get_task_node_data/2/" + task + "/?node_id=" + script).dataMap();
        assertEquals("echo start\nexit 1", ((Map<?, ?>) data.get("inputs")).get("job_content"));
        operate(task, Map.of("node_id", script, "action", "retry"));
        c.advance(3);
        assertEquals("FAILED", c.status(task).get("state"));
        operate(task, Map.of("node_id", script, "action", "retry", "inputs", Map.of("job_content", "echo ok")));
        c.advance(3);
        assertEquals("FINISHED", c.status(task).get("state"));
        long fixed = c.startTask(3, Map.of("${script}", "echo fine", "${unknown}", 1));
        c.advance(3);
        assertEquals("FINISHED", c.status(fixed).get("state"));
    }

    @Test
    void pauseNodeWaitsForACallbackWithTheCurrentVersion() {
        long task = c.startTask(4, null);
        String approve = node(task, "人工确认 approve");
        c.advance(60);
        Map<String, Object> s = c.status(task);
        assertEquals("RUNNING", child(s, approve).get("state"));
        String version = (String) child(s, approve).get("version");
        TestSandbox.Res stale = c.post("/node_callback/" + task + "/2/", Map.of("node_id", approve, "version", "abc", "callback_data", Map.of()));
        assertRefused(stale, "node version abc not exist");
        TestSandbox.Res unknown = c.post("/node_callback/" + task + "/2/", Map.of("node_id", "nope", "callback_data", Map.of()));
        assertEquals(3540000, unknown.body().get("code"));
        assertEquals("task[" + task + "] does not have node[nope]", unknown.body().get("message"));
        TestSandbox.Res ok = c.post("/node_callback/" + task + "/2/", Map.of("node_id", approve, "version", version, "callback_data", Map.of("ok", 1)));
        assertEquals(Map.of("result", true, "message", "success", "code", 0), withoutTrace(ok.body()));
        assertRefused(c.post("/node_callback/" + task + "/2/", Map.of("node_id", approve, "callback_data", Map.of())),
                "can not find sleep process with current node id: " + approve);
        c.advance(3);
        assertEquals("FINISHED", c.status(task).get("state"));
    }

    private static Map<String, Object> withoutTrace(Map<String, Object> body) {
        Map<String, Object> m = new LinkedHashMap<>(body);
        m.remove("trace_id");
        return m;
    }

    @Test
    void exclusiveGatewayTakesTheBranchNamedByTheConstant() {
        long prod = c.startTask(5, null);
        long test = c.startTask(5, Map.of("${env}", "test"));
        c.advance(1);
        Map<String, Object> sp = c.status(prod);
        Map<String, Object> st = c.status(test);
        assertEquals("RUNNING", child(sp, node(prod, "生产部署 deploy prod")).get("state"));
        assertNull(child(sp, node(prod, "测试部署 deploy test")));
        assertEquals("RUNNING", child(st, node(test, "测试部署 deploy test")).get("state"));
        c.advance(5);
        assertEquals("FINISHED", c.status(prod).get("state"));
        assertEquals("FINISHED", c.status(test).get("state"));
    }

    @Test
    void gatewayWithNoMatchingBranchFailsUntilSkipped() {
        long task = c.startTask(6, null);
        String gw = node(task, "ExclusiveGateway");
        Map<String, Object> s = c.status(task);
        assertEquals("FAILED", s.get("state"));
        assertEquals("FAILED", child(s, gw).get("state"));
        assertRefused(operate(task, Map.of("node_id", gw, "action", "skip_exg", "flow_id", "nope")), "KeyError: 'nope'");
        String prodNode = node(task, "生产部署 deploy prod");
        assertRefused(operate(task, Map.of("node_id", prodNode, "action", "skip_exg", "flow_id", "x")), "is not exclusive gateway");
        assertRefused(operate(task, Map.of("node_id", gw, "action", "skip")), "can not use skip_node api for NodeType.ExclusiveGateway");
        Map<?, ?> gwDef = (Map<?, ?>) ((Map<?, ?>) ((Map<?, ?>) c.get("/get_task_detail/" + task + "/2/").dataMap()
                .get("pipeline_tree")).get("gateways")).get(gw);
        String flow = (String) ((List<?>) gwDef.get("outgoing")).get(0);
        assertEquals(true, operate(task, Map.of("node_id", gw, "action", "skip_exg", "flow_id", flow)).body().get("result"));
        c.advance(4);
        assertEquals("FINISHED", c.status(task).get("state"));
    }

    @Test
    void parallelBranchesConvergeAfterTheSlowest() {
        long task = c.startTask(7, null);
        String join = node(task, "汇聚 join");
        c.advance(6);
        Map<String, Object> s = c.status(task);
        assertEquals("RUNNING", s.get("state"));
        assertNull(child(s, join));
        assertEquals("RUNNING", child(s, node(task, "部署 华北 north")).get("state"));
        c.advance(1);
        s = c.status(task);
        assertEquals("FINISHED", child(s, join).get("state"));
        assertEquals("FINISHED", s.get("state"));
    }

    @Test
    void conditionalParallelRunsOnlyTrueBranches() {
        long task = c.startTask(8, null);
        Map<String, Object> s = c.status(task);
        assertNotNull(child(s, node(task, "任务 task a")));
        assertNotNull(child(s, node(task, "任务 task b")));
        assertNull(child(s, node(task, "任务 task c")));
        c.advance(2);
        assertEquals("FINISHED", c.status(task).get("state"));
        assertRefused(operate(task, Map.of("node_id", node(task, "ConditionalParallelGateway"), "action", "skip_cpg")), "操作失败: 'flow_ids'");
    }

    @Test
    @SuppressWarnings("unchecked")
    void subprocessNestsChildrenAndCanBePausedAndResumed() {
        long task = c.startTask(9, null);
        String sub = node(task, "子流程 linear deploy");
        String inner = node(task, "准备 prepare");
        c.advance(3);
        Map<String, Object> s = c.status(task);
        Map<String, Object> subStatus = child(s, sub);
        assertEquals("RUNNING", subStatus.get("state"));
        assertEquals("RUNNING", child(subStatus, inner).get("state"));
        assertEquals(List.of(sub), c.get("/get_task_node_detail/" + task + "/2/?node_id=" + inner).dataMap().get("subprocess_stack"));
        Map<String, Object> only = (Map<String, Object>) c.get("/get_task_status/" + task + "/2/?subprocess_id=" + sub).data();
        assertEquals(sub, only.get("id"));
        assertEquals("", child(only, inner).get("name"));
        assertRefused(operate(task, Map.of("node_id", sub, "action", "resume_subproc")), "pipeline(" + sub + ") state is: RUNNING");
        assertEquals(true, operate(task, Map.of("node_id", sub, "action", "pause_subproc")).body().get("result"));
        c.advance(30);
        s = c.status(task);
        assertEquals("SUSPENDED", child(s, sub).get("state"));
        assertEquals("NODE_SUSPENDED", s.get("state"));
        assertEquals(1, ((Map<?, ?>) child(s, sub).get("children")).size() - 1, "the running node finished, nothing new started");
        assertRefused(operate(task, Map.of("node_id", sub, "action", "pause_subproc")), "state from SUSPENDED to SUSPENDED");
        operate(task, Map.of("node_id", sub, "action", "resume_subproc"));
        c.advance(30);
        assertEquals("FINISHED", c.status(task).get("state"));
        assertRefused(operate(task, Map.of("node_id", sub, "action", "retry_subprocess")), "state is not FAILED");
    }

    @Test
    void operateTaskRefusalsAndTransitions() {
        long task = c.createTask(1, null);
        String path = "/operate_task/" + task + "/2/";
        TestSandbox.Res notStarted = c.post(path, Map.of("action", "pause"));
        assertEquals(3545000, notStarted.body().get("code"));
        assertEquals("task not started", notStarted.body().get("message"));
        TestSandbox.Res invalid = c.post(path, Map.of("action", "jump"));
        assertEquals("task command is invalid", invalid.body().get("message"));
        assertEquals(3545000, invalid.body().get("code"));
        TestSandbox.Res started = c.post(path, Map.of("action", "start"));
        assertEquals(Map.of("result", true, "message", "success", "code", 0), withoutTrace(started.body()));
        assertEquals("task already started", c.post(path, Map.of("action", "start")).body().get("message"));
        assertRefused(c.post(path, Map.of("action", "resume")), "state is: RUNNING");
        c.post(path, Map.of("action", "pause"));
        assertRefused(c.post(path, Map.of("action", "pause")), "can't not transit");
        c.advance(100);
        Map<String, Object> s = c.status(task);
        assertEquals("SUSPENDED", s.get("state"));
        assertEquals(2, ((Map<?, ?>) s.get("children")).size(), "the start event and the finished first node, nothing more");
        c.post(path, Map.of("action", "resume"));
        c.advance(12);
        assertEquals("FINISHED", c.status(task).get("state"));
        TestSandbox.Res late = c.post(path, Map.of("action", "revoke"));
        assertEquals(3545000, late.body().get("code"));
        assertEquals("task with current_flow:finished cannot be revokeed", late.body().get("message"));
        long other = c.startTask(1, null);
        c.post("/operate_task/" + other + "/2/", Map.of("action", "revoke"));
        assertEquals("REVOKED", c.status(other).get("state"));
        assertEquals(3540400, c.post("/operate_task/99999/2/", Map.of("action", "start")).body().get("code"));
    }

    @Test
    void operateNodeActionsRefusedInTheWrongState() {
        long task = c.startTask(1, null);
        String running = node(task, "准备 prepare");
        String later = node(task, "验证 verify");
        // engine.py pause_pipeline / resume_pipeline do not check the node's type: only these refuse a running activity
        for (String action : List.of("retry", "skip", "skip_exg", "callback", "resume", "resume_subproc", "retry_subprocess")) {
            assertRefused(operate(task, Map.of("node_id", running, "action", action)), "");
        }
        assertRefused(operate(task, Map.of("node_id", "nope", "action", "retry")), "未找到节点");
        assertRefused(operate(task, Map.of("node_id", running, "action", "fly")), "task command is invalid");
        assertRefused(operate(task, Map.of("node_id", running, "action", "retry", "inputs", "x")), "inputs field is not a valid object");
        assertEquals(true, operate(task, Map.of("node_id", later, "action", "pause")).body().get("result"));
        assertEquals(true, operate(task, Map.of("node_id", running, "action", "forced_fail")).body().get("result"));
        Map<String, Object> detail = c.get("/get_task_node_detail/" + task + "/2/?node_id=" + running).dataMap();
        assertEquals("The node has been terminated by admin.", detail.get("ex_data"));
        assertRefused(operate(task, Map.of("node_id", running, "action", "forced_fail")), "state is not RUNNING, actual: FAILED");
        assertEquals(true, operate(task, Map.of("node_id", running, "action", "skip")).body().get("result"));
        c.advance(10);
        Map<String, Object> s = c.status(task);
        assertEquals("NODE_SUSPENDED", s.get("state"));
        assertEquals("SUSPENDED", child(s, later).get("state"));
        assertEquals(true, child(s, running).get("skip"));
        assertEquals(true, operate(task, Map.of("node_id", later, "action", "resume")).body().get("result"));
        c.advance(2);
        assertEquals("FINISHED", c.status(task).get("state"));
        assertRefused(operate(task, Map.of("node_id", later, "action", "pause")), "from FINISHED to SUSPENDED");
    }

    @Test
    void tasksStatusListAndCount() {
        long a = c.startTask(1, null);
        long b = c.createTask(2, null);
        List<Object> ids = new ArrayList<>(List.of(a, b, 99999));
        List<?> statuses = (List<?>) c.post("/get_tasks_status/2/", Map.of("task_id_list", ids)).data();
        assertEquals(2, statuses.size());
        assertFalse(((Map<?, ?>) ((Map<?, ?>) statuses.get(0)).get("status")).containsKey("children"));
        List<Object> many = new ArrayList<>();
        for (int i = 0; i < 51; i++) many.add(i);
        TestSandbox.Res tooMany = c.post("/get_tasks_status/2/", Map.of("task_id_list", many));
        assertEquals(false, tooMany.body().get("result"));
        assertEquals("task_id_list is too long, maximum length is 50", tooMany.body().get("message"));
        TestSandbox.Res list = c.get("/get_task_list/2/?limit=1");
        assertEquals(2, list.body().get("count"));
        assertEquals(b, ((Number) ((Map<?, ?>) ((List<?>) list.data()).get(0)).get("id")).longValue());
        assertEquals(1, ((List<?>) c.get("/get_task_list/2/?is_started=true").data()).size());
        assertEquals(-1, c.get("/get_task_list/2/?without_count=true").body().get("count"));
        assertTrue(((String) ((Map<?, ?>) ((List<?>) c.get("/get_task_list/2/?is_started=true").data()).get(0)).get("start_time")).endsWith("Z"));
    }
}
