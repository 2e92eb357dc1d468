package bkops.sandbox;

import bkops.testing.BkopsTest;
import bkops.testing.SandboxConfig;
import bkops.testing.TestSandbox;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The operator's console endpoints of issue 15 served by the sandbox, through real HTTP: node logs, operate records,
 * schemes and preview, create-and-start, clocked tasks, plugins and functional tasks, with their refusals.
 */
@BkopsTest
class ConsoleApiTest {
    @SandboxConfig(epoch = "2026-03-02T02:00:00Z") // the dates below
    TestSandbox c;

    private String node(long task, String name) {
        Map<?, ?> tree = (Map<?, ?>) c.get("/get_task_detail/" + task + "/2/").dataMap().get("pipeline_tree");
        for (Object o : ((Map<?, ?>) tree.get("activities")).values()) {
            Map<?, ?> n = (Map<?, ?>) o;
            if (name.equals(n.get("name"))) return (String) n.get("id");
        }
        throw new AssertionError("no node " + name);
    }

    private Map<String, Object> status(long task, String node) {
        @SuppressWarnings("unchecked")
        Map<String, Object> children = (Map<String, Object>) c.status(task).get("children");
        @SuppressWarnings("unchecked")
        Map<String, Object> n = (Map<String, Object>) children.get(node);
        return n;
    }

    private TestSandbox.Res esb(String method, String api, String query, Object body) {
        return c.send(method, c.sandbox().esbUrl() + "/api/c/compapi/v2/sops/" + api + "/" + (query == null ? "" : "?" + query), body,
                TestSandbox.AUTH);
    }

    private static String templateNode(Map<?, ?> tree, String name) {
        for (Object o : ((Map<?, ?>) tree.get("activities")).values()) {
            if (name.equals(((Map<?, ?>) o).get("name"))) return (String) ((Map<?, ?>) o).get("id");
        }
        throw new AssertionError("no node " + name);
    }

    private Map<?, ?> templateTree(long id) {
        return (Map<?, ?>) c.get("/get_template_info/" + id + "/2/").dataMap().get("pipeline_tree");
    }

    // ---- get_task_node_log ----

    @Test
    void nodeLogIsTheRunsLogAsADrfViewAnswersIt() {
        long task = c.startTask(2, null);
        c.advance(5);
        String http = node(task, "调用接口 flaky http call");
        assertEquals("FAILED", status(task, http).get("state"));
        TestSandbox.Res r = c.get("/get_task_node_log/" + task + "/2/?node_id=" + http);
        assertEquals(200, r.status());
        assertEquals(Set.of("result", "message", "data", "page"), r.body().keySet(), "no code, no trace_id: " + r.body());
        assertEquals("success", r.body().get("message"));
        assertEquals(Map.of(), r.body().get("page"), "the DATABASE source has no pages");
        String log = (String) r.data();
        assertTrue(log.startsWith("[2026-03-02 10:00:00,000][INFO] root_pipeline["), log);
        assertTrue(log.contains("][INFO] send GET request to http://flaky.example.com/health"), log);
        assertTrue(log.contains("[2026-03-02 10:00:02,000][ERROR] 请求异常 request failed: HTTP 503"), log);

        String firstVersion = (String) status(task, http).get("version");
        assertEquals(true, c.post("/operate_node/2/" + task + "/", Map.of("node_id", http, "action", "retry")).body().get("result"));
        c.advance(5);
        String now = (String) c.get("/get_task_node_log/" + task + "/2/?node_id=" + http).data();
        assertFalse(now.contains("[ERROR]"), "the current run succeeded: " + now);
        String old = (String) c.get("/get_task_node_log/" + task + "/2/?node_id=" + http + "&version=" + firstVersion).data();
        assertEquals(log, old, "an earlier version keeps its own log");
        assertEquals("", c.get("/get_task_node_log/" + task + "/2/?node_id=" + http + "&version=nosuchversion").data());
        assertEquals("", c.get("/get_task_node_log/" + task + "/2/?node_id=" + http + "&page=2&page_size=5&version=x").data());
    }

    @Test
    void nodeLogOfANodeThatNeverRanIsEmptyAndUnknownNodesAreRefused() {
        long task = c.createTask(1, null);
        String deploy = node(task, "部署 deploy");
        assertEquals("", c.get("/get_task_node_log/" + task + "/2/?node_id=" + deploy).data());
        TestSandbox.Res unknown = c.get("/get_task_node_log/" + task + "/2/?node_id=nosuchnode");
        assertEquals(Map.of("result", false, "code", 3540400,
                "message", "[API] get_task_node_log task[id=" + task + "] does not have node[nosuchnode]"), unknown.body());
        assertEquals(3540000, c.get("/get_task_node_log/" + task + "/2/").body().get("code"));
        TestSandbox.Res noTask = c.get("/get_task_node_log/99999/2/?node_id=" + deploy);
        assertEquals(3540400, noTask.body().get("code"));
        assertEquals("数据不存在错误: 数据不存在错误, 错误内容 TaskFlowInstance(id=99999) does not exist. | process_exception",
                noTask.body().get("message"));
    }

    @Test
    void jobNodeLogSaysWhichJobInstanceItStarted() {
        long task = c.startTask(10, null);
        c.advance(3);
        String job = node(task, "执行作业 run job plan");
        String log = (String) c.get("/get_task_node_log/" + task + "/2/?node_id=" + job).data();
        Object inst = ((List<?>) c.get("/get_task_node_detail/" + task + "/2/?node_id=" + job).dataMap().get("outputs")).stream()
                .map(o -> (Map<?, ?>) o).filter(o -> "job_inst_id".equals(o.get("key"))).findFirst().orElseThrow().get("value");
        assertTrue(log.contains("job_result: {'result': True, 'code': 0, 'message': 'success', 'data': {'job_instance_id': " + inst), log);
    }

    @Test
    void privateResourcesAnswer403WhenTheGatewayHasNotGrantedThemAndAreNotOnEsb() {
        long task = c.createTask(1, null);
        String deploy = node(task, "部署 deploy");
        c.sandbox().grants().withhold("get_task_node_log");
        TestSandbox.Res r = c.get("/get_task_node_log/" + task + "/2/?node_id=" + deploy);
        assertEquals(403, r.status());
        assertEquals("APP_NO_PERMISSION", r.body().get("code_name"));
        assertEquals(1640301, r.body().get("code"));
        assertEquals("1640301", r.header("X-Bkapi-Error-Code"));
        // authentication comes first: a wrong secret is still a 400, not a 403
        TestSandbox.Res anon = c.send("GET", c.sandbox().sopsGatewayUrl() + "/get_task_node_log/" + task + "/2/?node_id=" + deploy,
                null, "{\"bk_app_code\":\"bkops-sandbox\",\"bk_app_secret\":\"wrong\",\"bk_username\":\"admin\"}");
        assertEquals(400, anon.status());
        c.sandbox().grants().grant("get_task_node_log");
        assertEquals(200, c.get("/get_task_node_log/" + task + "/2/?node_id=" + deploy).status());
        // the admin path does the same for other processes
        TestSandbox.Res admin = c.send("POST", c.sandbox().esbUrl() + "/_sandbox/grants", Map.of("withhold", List.of("create_clocked_task")), null);
        assertEquals(List.of("create_clocked_task"), admin.body().get("withheld"));
        assertEquals(403, c.post("/create_clocked_task/40/2/", Map.of()).status());
        for (String api : List.of("get_task_node_log", "get_task_operate_record", "create_clocked_task", "get_clocked_task_list")) {
            assertEquals(1306404, esb("GET", api, "bk_biz_id=2&task_id=" + task, null).body().get("code"), api + " is not an ESB component");
        }
    }

    // ---- get_task_operate_record ----

    @Test
    void operateRecordsAreFilteredByTheProjectIdSegmentAsGiven() {
        long task = c.createTask(4, null);
        c.post("/start_task/" + task + "/2/", Map.of());
        c.advance(3);
        String pause = node(task, "人工确认 approve");
        assertEquals(true, c.post("/operate_node/2/" + task + "/", Map.of("node_id", pause, "action", "callback", "data", Map.of()))
                .body().get("result"));
        assertEquals(false, c.post("/operate_task/" + task + "/2/", Map.of("action", "resume")).body().get("result"),
                "a refused call writes no record");
        c.post("/node_callback/" + task + "/2/", Map.of("node_id", pause, "callback_data", Map.of()));
        List<?> records = (List<?>) c.get("/get_task_operate_record/" + task + "/1/?scope=project").data();
        assertEquals(List.of("create", "start", "callback"), records.stream().map(r -> ((Map<?, ?>) r).get("operate_type")).toList());
        Map<?, ?> callback = (Map<?, ?>) records.get(2);
        assertEquals(pause, callback.get("node_id"));
        assertEquals("回调", callback.get("operate_type_name"));
        assertEquals("api", callback.get("operate_source"));
        assertEquals("api 接口", callback.get("operate_source_name"));
        assertEquals("admin", callback.get("operator"));
        assertEquals(1, callback.get("project_id"));
        assertEquals(Map.of(), callback.get("extra_info"), "core.py reads execution_data['constant']: always empty");
        assertEquals("2026-03-02T10:00:03+08:00", callback.get("operate_date"));
        assertEquals("", ((Map<?, ?>) records.get(0)).get("node_id"));
        assertEquals(List.of(callback), c.get("/get_task_operate_record/" + task + "/1/?scope=project&node_id=" + pause).data());
        // the business id with the default scope finds the project, then filters the records by 2: none
        TestSandbox.Res byBiz = c.get("/get_task_operate_record/" + task + "/2/");
        assertEquals(true, byBiz.body().get("result"));
        assertEquals(List.of(), byBiz.data());
        assertEquals(3540400, c.get("/get_task_operate_record/" + task + "/1/").body().get("code"), "project(1) with scope(cmdb_biz)");
        assertEquals(3540400, c.get("/get_task_operate_record/99999/1/?scope=project").body().get("code"));
    }

    @Test
    void aRetrySubprocessRecordBreaksTheHistoryWithA500() {
        long task = c.startTask(14, null);
        c.advance(5);
        String sub = node(task, "子流程 hosts subprocess");
        assertEquals("FAILED", status(task, sub).get("state"));
        assertEquals(true, c.post("/operate_node/2/" + task + "/", Map.of("node_id", sub, "action", "retry_subprocess")).body().get("result"));
        TestSandbox.Res r = c.get("/get_task_operate_record/" + task + "/1/?scope=project");
        assertEquals(500, r.status(), "OperateType has no retry_subprocess: the serializer's KeyError");
    }

    // ---- schemes and preview ----

    @Test
    void schemesCarryUniqueIdsAndTheirNodesAsAJsonString() {
        List<?> schemes = (List<?>) c.get("/get_template_schemes/2/40/").data();
        assertEquals(List.of("40-完整 full", "40-快速 quick", "40-灰度 canary"), schemes.stream().map(s -> ((Map<?, ?>) s).get("id")).toList());
        String deploy = templateNode(templateTree(40), "部署 deploy");
        assertEquals("[\"" + deploy + "\"]", ((Map<?, ?>) schemes.get(1)).get("data"));
        assertEquals(Set.of("id", "name", "data"), ((Map<?, ?>) schemes.get(0)).keySet(), "no detail in this version");
        assertEquals(List.of(), c.get("/get_template_schemes/2/2/").data());
        assertEquals(3540400, c.get("/get_template_schemes/2/101/").body().get("code"), "project templates only");
    }

    @Test
    void previewCutsTheExcludedNodesAnEmptyParallelAndTheConstantsNobodyRefersTo() {
        Map<?, ?> tpl = templateTree(40);
        List<String> quick = new ArrayList<>();
        for (String n : List.of("备份 backup", "灰度验证 canary check", "冒烟测试 smoke test", "通知 notify")) quick.add(templateNode(tpl, n));
        Map<String, Object> p = c.post("/preview_task_tree/2/40/", Map.of("exclude_task_nodes_id", quick)).dataMap();
        Map<?, ?> tree = (Map<?, ?>) p.get("pipeline_tree");
        String deploy = templateNode(tpl, "部署 deploy");
        assertEquals(Set.of(deploy), ((Map<?, ?>) tree.get("activities")).keySet());
        assertEquals(Map.of(), tree.get("gateways"), "both branches emptied: the parallel and its converge go");
        Map<?, ?> start = (Map<?, ?>) tree.get("start_event");
        Map<?, ?> end = (Map<?, ?>) tree.get("end_event");
        Map<?, ?> flows = (Map<?, ?>) tree.get("flows");
        assertEquals(2, flows.size());
        assertEquals(deploy, ((Map<?, ?>) flows.get(start.get("outgoing"))).get("target"));
        String deployOut = (String) ((Map<?, ?>) ((Map<?, ?>) tree.get("activities")).get(deploy)).get("outgoing");
        assertEquals(end.get("id"), ((Map<?, ?>) flows.get(deployOut)).get("target"));
        assertEquals(List.of(deployOut), end.get("incoming"));
        assertEquals(2, ((List<?>) tree.get("line")).size(), "the layout follows");
        assertEquals(3, ((List<?>) tree.get("location")).size());
        assertEquals(Set.of("${version}"), ((Map<?, ?>) tree.get("constants")).keySet());
        assertEquals(0, ((Map<?, ?>) ((Map<?, ?>) tree.get("constants")).get("${version}")).get("index"));
        assertEquals(List.of("${version}"), tree.get("outputs"));
        assertEquals(List.of("${backup_dir}", "${canary_hosts}", "${notify_group}"),
                new ArrayList<>(((Map<?, ?>) p.get("constants_not_referred")).keySet()));

        // one branch emptied: the parallel keeps the other
        List<String> canary = List.of(templateNode(tpl, "备份 backup"), templateNode(tpl, "冒烟测试 smoke test"));
        Map<?, ?> t2 = (Map<?, ?>) c.post("/preview_task_tree/2/40/", Map.of("exclude_task_nodes_id", canary)).dataMap().get("pipeline_tree");
        assertEquals(2, ((Map<?, ?>) t2.get("gateways")).size());
        for (Object g : ((Map<?, ?>) t2.get("gateways")).values()) {
            if ("ParallelGateway".equals(((Map<?, ?>) g).get("type"))) assertEquals(1, ((List<?>) ((Map<?, ?>) g).get("outgoing")).size());
        }
        // nothing excluded: still only what is referred to (template 13's pre-rendered ${hosts} is referred to by no node)
        Map<String, Object> t13 = c.post("/preview_task_tree/2/13/", Map.of()).dataMap();
        assertEquals(Set.of("${hosts}"), ((Map<?, ?>) t13.get("constants_not_referred")).keySet());
    }

    @Test
    void previewRefusals() {
        Map<?, ?> tpl = templateTree(40);
        TestSandbox.Res required = c.post("/preview_task_tree/2/40/", Map.of("exclude_task_nodes_id", List.of(templateNode(tpl, "部署 deploy"))));
        assertEquals(3599999, required.body().get("code"));
        assertEquals("preview_task_tree fail: task node[id=" + templateNode(tpl, "部署 deploy") + "] is not optional", required.body().get("message"));
        assertEquals("preview_task_tree fail: task node[id=nope] is not in template pipeline tree",
                c.post("/preview_task_tree/2/40/", Map.of("exclude_task_nodes_id", List.of("nope"))).body().get("message"));
        TestSandbox.Res notList = c.post("/preview_task_tree/2/40/", Map.of("exclude_task_nodes_id", "nope"));
        assertEquals(3540000, notList.body().get("code"));
        assertEquals("invalid exclude_task_nodes_id", notList.body().get("message"));
        assertEquals(3540400, c.post("/preview_task_tree/2/101/", Map.of()).body().get("code"), "project templates only");
        assertEquals(true, esb("POST", "preview_task_tree", null, Map.of("bk_biz_id", 2, "template_id", 40)).body().get("result"));
    }

    // ---- create_task with schemes, create_and_start_task ----

    @Test
    void createTaskTakesSchemesByUniqueIdOrPrimaryKey() {
        for (Object scheme : List.of("40-快速 quick", 2, "2", List.of("40-快速 quick"))) {
            TestSandbox.Res r = c.post("/create_task/40/2/", Map.of("name", "quick", "template_schemes_id", scheme));
            Map<?, ?> tree = (Map<?, ?>) r.dataMap().get("pipeline_tree");
            assertEquals(List.of("部署 deploy"), ((Map<?, ?>) tree.get("activities")).values().stream().map(a -> ((Map<?, ?>) a).get("name")).toList(),
                    "scheme " + scheme);
        }
        TestSandbox.Res unknown = c.post("/create_task/40/2/", Map.of("name", "x", "template_schemes_id", List.of("40-nightly", 9)));
        assertEquals(3540000, unknown.body().get("code"));
        assertEquals("unknown template_schemes_id: 40-nightly, 9", unknown.body().get("message"));
        TestSandbox.Res both = c.post("/create_task/40/2/", Map.of("name", "x", "template_schemes_id", 2, "exclude_task_nodes_id", List.of("a")));
        assertEquals("template_schemes_id can not be used with exclude_task_nodes_id or execute_task_nodes_id", both.body().get("message"));
    }

    @Test
    void createAndStartTaskReadsProjectAsACommonTemplate() {
        TestSandbox.Res asProject = c.post("/create_and_start_task/1/2/", Map.of("name", "x", "template_source", "project"));
        assertEquals(3540400, asProject.body().get("code"));
        assertEquals("common template[id=1] does not exist", asProject.body().get("message"));
        TestSandbox.Res r = c.post("/create_and_start_task/1/2/", Map.of("name", "now", "template_source", "business"));
        long id = ((Number) r.dataMap().get("task_id")).longValue();
        assertEquals("RUNNING", c.status(id).get("state"));
        Map<?, ?> listed = (Map<?, ?>) ((List<?>) c.get("/get_task_list/2/").data()).get(0);
        assertEquals("business", listed.get("template_source"), "stored as given");
        assertEquals(List.of("create"), ((List<?>) c.get("/get_task_operate_record/" + id + "/1/?scope=project").data()).stream()
                .map(x -> ((Map<?, ?>) x).get("operate_type")).toList(), "one record: the start is not recorded");
        long common = ((Number) c.post("/create_and_start_task/101/2/", Map.of("name", "c", "template_source", "common")).dataMap()
                .get("task_id")).longValue();
        assertEquals("RUNNING", c.status(common).get("state"));
        assertEquals(true, esb("POST", "create_and_start_task", null, Map.of("bk_biz_id", 2, "template_id", 1, "name", "esb")).body().get("result"));
    }

    // ---- clocked tasks ----

    @Test
    void aClockedTaskFiresOnTheSandboxClockAndCreatesAStartedTask() {
        Map<?, ?> tpl = templateTree(40);
        List<String> quick = List.of(templateNode(tpl, "备份 backup"), templateNode(tpl, "灰度验证 canary check"),
                templateNode(tpl, "冒烟测试 smoke test"), templateNode(tpl, "通知 notify"));
        TestSandbox.Res r = c.post("/create_clocked_task/40/2/", Map.of("task_name", "夜间发布", "plan_start_time", "2026-03-02 10:30:00+0800",
                "task_parameters", Map.of("constants", Map.of("${version}", "2.1.0"), "exclude_task_nodes_id", quick)));
        assertEquals(true, r.body().get("result"), r.body().toString());
        Map<String, Object> k = r.dataMap();
        assertEquals(List.of("id", "task_parameters", "creator", "editor", "state", "plan_start_time", "create_time", "edit_time",
                "project_id", "task_id", "task_name", "template_id", "template_name", "template_source"), new ArrayList<>(k.keySet()),
                "the serializer's fields without clocked_task_id");
        assertEquals("2026-03-02 10:30:00+0800", k.get("plan_start_time"));
        assertEquals("not_started", k.get("state"));
        assertNull(k.get("task_id"));

        c.advance(29 * 60);
        Map<?, ?> before = (Map<?, ?>) ((List<?>) c.get("/get_clocked_task_list/2/").data()).get(0);
        assertEquals("not_started", before.get("state"));
        assertTrue(before.containsKey("clocked_task_id"));
        c.advance(60);
        TestSandbox.Res list = c.get("/get_clocked_task_list/2/?state=started");
        assertEquals(1, list.body().get("count"));
        Map<?, ?> fired = (Map<?, ?>) ((List<?>) list.data()).get(0);
        long task = ((Number) fired.get("task_id")).longValue();
        Map<String, Object> detail = c.get("/get_task_detail/" + task + "/2/").dataMap();
        assertEquals("夜间发布_20260302103000", detail.get("name"));
        assertEquals("clocked", detail.get("create_method"));
        assertEquals("2026-03-02 10:30:00 +0800", detail.get("create_time"), "created at its planned time");
        assertEquals("2.1.0", ((Map<?, ?>) ((Map<?, ?>) detail.get("constants")).get("${version}")).get("value"));
        assertEquals(1, ((Map<?, ?>) ((Map<?, ?>) detail.get("pipeline_tree")).get("activities")).size());
        assertEquals("RUNNING", c.status(task).get("state"));
        assertEquals(List.of(), c.get("/get_clocked_task_list/2/?state=not_started").data());
    }

    @Test
    void clockedTaskTimesAreReadAsDrfReadsThem() {
        // 2026-03-02T02:00:00Z is 10:00 in Asia/Shanghai
        for (String when : List.of("2026-03-02T03:00:00Z", "2026-03-02 11:00:00", "2026-03-02T11:00+08:00", "2026-03-02 11:00:00.5+0800")) {
            TestSandbox.Res r = c.post("/create_clocked_task/1/2/", Map.of("task_name", "t", "plan_start_time", when));
            assertEquals("2026-03-02 11:00:00+0800", r.dataMap().get("plan_start_time"), when);
        }
        TestSandbox.Res bad = c.post("/create_clocked_task/1/2/", Map.of("task_name", "t", "plan_start_time", "tomorrow 9am"));
        assertEquals(3546100, bad.body().get("code"));
        assertEquals("params is invalid, error: {'plan_start_time': [ErrorDetail(string='Datetime has wrong format. Use one of these "
                + "formats instead: YYYY-MM-DDThh:mm[:ss[.uuuuuu]][+HH:MM|-HH:MM|Z].', code='invalid')]}", bad.body().get("message"));
        TestSandbox.Res past = c.post("/create_clocked_task/1/2/", Map.of("task_name", "t", "plan_start_time", "2026-03-02 09:59:00+0800"));
        assertEquals("params is invalid, error: {'plan_start_time': [ErrorDetail(string='Plan start time should be later than the time "
                + "to create the plan', code='invalid')]}", past.body().get("message"));
        TestSandbox.Res two = c.post("/create_clocked_task/40/2/", Map.of("task_name", "t", "plan_start_time", "2026-03-03 10:00:00+0800",
                "task_parameters", Map.of("exclude_task_nodes_id", List.of("a"), "template_schemes_id", List.of(1))));
        assertTrue(((String) two.body().get("message")).contains("can not use multiple method to appoint execute nodes"));
        assertEquals(3540400, c.post("/create_clocked_task/101/2/", Map.of("task_name", "t", "plan_start_time", "2026-03-03 10:00:00+0800"))
                .body().get("code"), "project templates only");
    }

    // ---- plugins ----

    @Test
    void pluginListShowsEachVersionWithTheEngineDefaultOutputs() {
        List<?> plugins = (List<?>) c.get("/get_plugin_list/2/").data();
        Set<String> codes = new HashSet<>();
        for (Object o : plugins) {
            Map<?, ?> p = (Map<?, ?>) o;
            codes.add((String) p.get("code"));
            assertEquals(Set.of("inputs", "outputs", "desc", "code", "name", "group_name", "version", "form"), p.keySet());
            List<?> outputs = (List<?>) p.get("outputs");
            assertEquals("_inner_loop", ((Map<?, ?>) outputs.get(outputs.size() - 1)).get("key"));
        }
        assertTrue(codes.containsAll(List.of("sleep_timer", "pause_node", "bk_approve", "job_execute_task", "job_fast_push_file")), codes.toString());
        assertEquals(2, plugins.stream().filter(p -> "bk_http_request".equals(((Map<?, ?>) p).get("code"))).count(), "one entry a version");
        assertEquals(plugins.size(), ((List<?>) esb("GET", "get_plugin_list", "bk_biz_id=2", null).data()).size());
    }

    // ---- functional tasks ----

    @Test
    void aFunctionalTaskIsClaimedThenStarted() {
        long task = ((Number) c.post("/create_task/40/2/", Map.of("name", "职能化", "flow_type", "common_func")).dataMap().get("task_id")).longValue();
        TestSandbox.Res list = c.get("/get_functionalization_task_list/?project_id=1");
        assertEquals(1, list.body().get("count"));
        Map<?, ?> ticket = (Map<?, ?>) ((List<?>) list.data()).get(0);
        assertEquals("submitted", ticket.get("status"));
        assertEquals(task, ((Number) ((Map<?, ?>) ticket.get("task")).get("id")).longValue());
        assertEquals("2026-03-02T02:00:00Z", ticket.get("create_time"));
        assertEquals(List.of(), c.get("/get_functionalization_task_list/?project_id=2").data(), "a SOPS project id, not the business");

        TestSandbox.Res hidden = c.post("/claim_functionalization_task/" + task + "/2/", Map.of("constants", Map.of("${notify_group}", "dev")));
        assertEquals(3599999, hidden.body().get("code"));
        assertEquals("任务参数设置失败: 常量、输出参数 []、隐藏变量 ['${notify_group}'], 不可修改值, 输出为 []. 请检查变量配置 | set_task_constants",
                hidden.body().get("message"));
        TestSandbox.Res ok = c.post("/claim_functionalization_task/" + task + "/2/", Map.of("constants", Map.of("${version}", "3.0"), "name", "认领后"));
        assertEquals("success", ok.data());
        assertEquals("CREATED", c.status(task).get("state"), "claimed, not started");
        Map<String, Object> detail = c.get("/get_task_detail/" + task + "/2/?_=1").dataMap();
        assertEquals("认领后", detail.get("name"));
        assertEquals("3.0", ((Map<?, ?>) ((Map<?, ?>) detail.get("constants")).get("${version}")).get("value"));
        Map<?, ?> claimed = (Map<?, ?>) ((List<?>) c.get("/get_functionalization_task_list/?status=claimed").data()).get(0);
        assertEquals("admin", claimed.get("claimant"));
        TestSandbox.Res again = c.post("/claim_functionalization_task/" + task + "/2/", Map.of());
        assertEquals("任务认领失败: 仅职能化任务才能认领, 当前任务类型: execute_task, 请检查任务类型 | task_claim", again.body().get("message"));
        c.post("/start_task/" + task + "/2/", Map.of());
        assertEquals("executed", ((Map<?, ?>) ((List<?>) c.get("/get_functionalization_task_list/").data()).get(0)).get("status"));

        long common = c.createTask(1, null);
        assertEquals("任务认领失败: 仅职能化任务才能认领, 请检查任务类型 | task_claim",
                c.post("/claim_functionalization_task/" + common + "/2/", Map.of()).body().get("message"));
        long viaEsb = ((Number) c.post("/create_task/1/2/", Map.of("name", "f", "flow_type", "common_func")).dataMap().get("task_id")).longValue();
        assertEquals("success", esb("POST", "claim_functionalization_task", null, Map.of("bk_biz_id", 2, "task_id", viaEsb)).data());
        assertEquals(2, esb("GET", "get_functionalization_task_list", "project_id=1", null).body().get("count"));
    }
}
