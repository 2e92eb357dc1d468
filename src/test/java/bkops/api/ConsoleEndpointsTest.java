package bkops.api;

import bkops.model.ClockedTask;
import bkops.model.FunctionTask;
import bkops.model.NodeLog;
import bkops.model.OperateRecord;
import bkops.model.Plugin;
import bkops.model.Scheme;
import bkops.model.TaskPreview;
import bkops.sandbox.Faults;
import bkops.sandbox.RecordedRequest;
import bkops.sandbox.SandboxCredentials;
import bkops.testing.BkopsTest;
import bkops.testing.HostileServer;
import bkops.testing.TestSandbox;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Duration;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The typed client's console endpoints (issue 15) against the sandbox over real HTTP: the exact request each method
 * sends (method, path in its real order, query or body), what it decodes to, and the refusals it meets.
 */
@BkopsTest
class ConsoleEndpointsTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    TestSandbox sb;
    ApiClient client;
    SopsApi api;

    private static ApiClient client(String sopsUrl, FrontDoor door) {
        Credentials creds = new Credentials(SandboxCredentials.APP_CODE, SandboxCredentials.APP_SECRET,
                SandboxCredentials.USERNAME, null, null);
        return new ApiClient(new ClientConfig(sopsUrl, null, door, "2", "cmdb_biz", creds,
                Duration.ofSeconds(5), Duration.ofSeconds(20), 0, false, null, ClientConfig.Trace.NONE));
    }

    @BeforeEach
    void start() {
        client = client(sb.sandbox().sopsGatewayUrl(), FrontDoor.APIGW);
        api = new SopsApi(client);
    }

    @AfterEach
    void stop() {
        client.close();
    }

    /** The one request {@code call} sent. */
    private RecordedRequest sent(Runnable call) {
        sb.clearRequests();
        call.run();
        List<RecordedRequest> r = sb.requests();
        assertEquals(1, r.size(), r.toString());
        return r.get(0);
    }

    private static JsonNode json(String s) {
        try {
            return MAPPER.readTree(s);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private String taskId(JsonNode created) {
        return created.path("task_id").asText();
    }

    private String activity(JsonNode tree, String name) {
        for (JsonNode a : tree.path("activities")) {
            if (name.equals(a.path("name").asText())) return a.path("id").asText();
        }
        throw new AssertionError("no node " + name);
    }

    private JsonNode taskTree(String task) {
        return api.taskDetail(task).path("pipeline_tree");
    }

    @Test
    void nodeLogRequestAndItsDrfAnswer() {
        String task = taskId(api.createTask("2", Map.of("name", "flaky")));
        api.startTask(task);
        sb.advance(Duration.ofSeconds(5));
        String node = activity(taskTree(task), "调用接口 flaky http call");
        JsonNode[] body = new JsonNode[1];
        RecordedRequest r = sent(() -> body[0] = api.taskNodeLog(task, node, null, null, null));
        assertEquals("GET", r.method());
        assertEquals("/api/bk-sops/prod/get_task_node_log/" + task + "/2/?scope=cmdb_biz&node_id=" + node, r.pathAndQuery());
        NodeLog log = NodeLog.parse(body[0]);
        assertTrue(log.lines().get(log.lines().size() - 1).contains("[ERROR] 请求异常 request failed"), log.text());
        assertTrue(log.page().isEmpty());
        RecordedRequest versioned = sent(() -> api.taskNodeLog(task, node, "v1", 2, 50));
        assertTrue(versioned.pathAndQuery().endsWith("?scope=cmdb_biz&node_id=" + node + "&version=v1&page=2&page_size=50"),
                versioned.pathAndQuery());

        ApiException unknown = assertThrows(ApiException.class, () -> api.taskNodeLog(task, "nosuchnode", null, null, null));
        assertEquals(ApiException.Kind.NOT_FOUND, unknown.kind());
        assertEquals("read the log of node nosuchnode of task " + task + ": [API] get_task_node_log task[id=" + task
                + "] does not have node[nosuchnode]", unknown.getMessage());
    }

    @Test
    void aPrivateResourceWithoutItsGrantSaysWhoCanGrantIt() {
        String task = taskId(api.createTask("1", Map.of("name", "t")));
        sb.sandbox().grants().withhold("get_task_node_log", "get_plugin_list");
        ApiException denied = assertThrows(ApiException.class, () -> api.taskNodeLog(task, "n", null, null, null));
        assertEquals(ApiException.Kind.AUTH, denied.kind());
        assertEquals("1640301", denied.code());
        assertEquals("read the log of node n of task " + task + ": permission denied: App has no permission to the resource "
                + "(get_task_node_log is a private resource of the API gateway: ask the gateway's administrator to grant it "
                + "to your app code)", denied.getMessage());
        ApiException applicable = assertThrows(ApiException.class, () -> api.pluginList());
        assertEquals("list plugins: permission denied: App has no permission to the resource (apply for get_plugin_list in "
                + "the API gateway's permission page, or ask the gateway's administrator to grant it to your app code)",
                applicable.getMessage());
    }

    @Test
    void gatewayOnlyEndpointsAreRefusedBeforeSendingThroughEsb() {
        try (ApiClient esb = client(sb.sandbox().esbUrl(), FrontDoor.ESB)) {
            SopsApi viaEsb = new SopsApi(esb);
            sb.clearRequests();
            List<Consumer<SopsApi>> calls = List.of(a -> a.taskNodeLog("1", "n", null, null, null),
                    a -> a.taskOperateRecord("1", 1, null), a -> a.clockedTaskListPage(Map.of(), 10, 0),
                    a -> a.createClockedTask("1", "n", ZonedDateTime.now(), Map.of(), List.of()));
            for (Consumer<SopsApi> call : calls) {
                ApiException e = assertThrows(ApiException.class, () -> call.accept(viaEsb));
                assertEquals(ApiException.Kind.USAGE, e.kind());
                assertTrue(e.getMessage().endsWith("exists only on the API gateway; use --gateway apigw"), e.getMessage());
            }
            assertEquals(List.of(), sb.requests(), "nothing sent");
            assertFalse(Plugin.parseList(viaEsb.pluginList()).isEmpty(), "get_plugin_list is an ESB component");
        }
    }

    @Test
    void historyIsAskedOfTheProjectIdWithScopeProject() {
        String task = taskId(api.createTask("4", Map.of("name", "t")));
        api.startTask(task);
        long project = api.projectDetail().path("project_id").asLong();
        assertEquals(SandboxCredentials.PROJECT_ID, project);
        JsonNode[] data = new JsonNode[1];
        RecordedRequest r = sent(() -> data[0] = api.taskOperateRecord(task, project, null));
        assertEquals("/api/bk-sops/prod/get_task_operate_record/" + task + "/1/?scope=project", r.pathAndQuery());
        List<OperateRecord> records = OperateRecord.parseList(data[0]);
        assertEquals(List.of("create", "start"), records.stream().map(OperateRecord::type).toList());
        assertEquals("/api/bk-sops/prod/get_task_operate_record/" + task + "/1/?scope=project&node_id=n1",
                sent(() -> api.taskOperateRecord(task, project, "n1")).pathAndQuery());
    }

    @Test
    void schemesPreviewAndTheExclusionsTheyMake() {
        JsonNode[] data = new JsonNode[1];
        RecordedRequest r = sent(() -> data[0] = api.templateSchemes("40"));
        assertEquals("/api/bk-sops/prod/get_template_schemes/2/40/?scope=cmdb_biz", r.pathAndQuery(), "business first");
        List<Scheme> schemes = Scheme.parseList(data[0]);
        List<Scheme> quick = Scheme.matching(schemes, "quick");
        assertEquals(1, quick.size());
        JsonNode template = api.templateInfo("40", false, false).path("pipeline_tree");
        List<String> excluded = Scheme.excludedNodes(template, quick);
        assertEquals(4, excluded.size(), "every optional node but deploy");

        RecordedRequest p = sent(() -> data[0] = api.previewTaskTree("40", excluded, null));
        assertEquals("POST", p.method());
        assertEquals("/api/bk-sops/prod/preview_task_tree/2/40/", p.pathAndQuery());
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("scope", "cmdb_biz");
        body.put("exclude_task_nodes_id", excluded);
        assertEquals(MAPPER.valueToTree(body), json(p.body()));
        TaskPreview preview = TaskPreview.parse(data[0]);
        assertEquals(List.of("部署 deploy"), preview.tree().nodes().values().stream()
                .filter(n -> n.component() != null).map(bkops.model.PipelineTree.Node::name).toList());
        assertEquals(List.of("${backup_dir}", "${canary_hosts}", "${notify_group}"),
                preview.constantsNotReferred().stream().map(bkops.model.Constant::key).toList());

        ApiException required = assertThrows(ApiException.class,
                () -> api.previewTaskTree("40", List.of(activity(template, "部署 deploy")), null));
        assertEquals(ApiException.Kind.REFUSED, required.kind());
        assertTrue(required.getMessage().endsWith("is not optional"), required.getMessage());

        // the same exclusions make the same task
        JsonNode created = api.createTask("40", Map.of("name", "quick", "exclude_task_nodes_id", excluded));
        assertEquals(1, created.path("pipeline_tree").path("activities").size());
    }

    @Test
    void createAndStartSendsBusinessForAProjectTemplate() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", "now");
        body.put("template_source", "project");
        JsonNode[] data = new JsonNode[1];
        RecordedRequest r = sent(() -> data[0] = api.createAndStartTask("1", body));
        assertEquals("POST", r.method());
        assertEquals("/api/bk-sops/prod/create_and_start_task/1/2/", r.pathAndQuery());
        assertEquals(json("{\"scope\":\"cmdb_biz\",\"name\":\"now\",\"template_source\":\"business\"}"), json(r.body()));
        assertEquals("RUNNING", api.taskStatusFresh(taskId(data[0]), false).path("state").asText());
        body.put("template_source", "common");
        assertTrue(api.createAndStartTask("101", body).path("task_id").canConvertToLong());
    }

    @Test
    void aClockedTaskIsSentWithItsOffsetAndFiresOnTheSandboxClock() {
        // TestSandbox.EPOCH is 2026-11-25 10:00 in Asia/Shanghai; the plan is given in another zone
        ZonedDateTime at = ZonedDateTime.of(2026, 11, 25, 3, 30, 0, 0, ZoneId.of("UTC"));
        JsonNode template = api.templateInfo("40", false, false).path("pipeline_tree");
        List<String> excluded = List.of(activity(template, "备份 backup"));
        JsonNode[] data = new JsonNode[1];
        RecordedRequest r = sent(() -> data[0] = api.createClockedTask("40", "夜间发布", at, Map.of("${version}", "2.2.0"), excluded));
        assertEquals("/api/bk-sops/prod/create_clocked_task/40/2/", r.pathAndQuery());
        assertEquals(json("{\"scope\":\"cmdb_biz\",\"task_name\":\"夜间发布\",\"plan_start_time\":\"2026-11-25 03:30:00+0000\","
                + "\"task_parameters\":{\"constants\":{\"${version}\":\"2.2.0\"},\"template_schemes_id\":[],"
                + "\"exclude_task_nodes_id\":" + MAPPER.valueToTree(excluded) + "}}"), json(r.body()));
        ClockedTask created = ClockedTask.parse(data[0]);
        assertEquals("2026-11-25 11:30:00+0800", created.planStartTime(), "the server's zone");
        assertEquals("not_started", created.state());
        assertNull(created.taskId());

        sb.advance(Duration.ofMinutes(91));
        JsonNode[] page = new JsonNode[1];
        RecordedRequest l = sent(() -> page[0] = api.clockedTaskListPage(Map.of("state", "started"), 50, 0));
        assertEquals("/api/bk-sops/prod/get_clocked_task_list/2/?scope=cmdb_biz&state=started&limit=50&offset=0", l.pathAndQuery());
        assertEquals(1, page[0].path("count").asInt());
        ClockedTask fired = ClockedTask.parseList(page[0].path("data")).get(0);
        assertEquals("started", fired.state());
        assertEquals("夜间发布_20261125113000", api.taskDetail(String.valueOf(fired.taskId())).path("name").asText());

        ApiException past = assertThrows(ApiException.class,
                () -> api.createClockedTask("40", "late", at, Map.of(), List.of()));
        assertEquals(ApiException.Kind.REFUSED, past.kind());
        assertEquals("3546100", past.code());
        assertTrue(past.getMessage().contains("Plan start time should be later than the time to create the plan"), past.getMessage());
    }

    @Test
    void anOlderGatewayWithoutGetClockedTaskListAnswers404() {
        sb.faults().add(new Faults.Fault(Faults.Kind.GATEWAY_404, 1, "get_clocked_task_list", 0));
        ApiException e = assertThrows(ApiException.class, () -> api.clockedTaskListPage(Map.of(), 10, 0));
        assertEquals(ApiException.Kind.TRANSPORT, e.kind());
        assertTrue(e.getMessage().startsWith("list clocked tasks: the gateway has no API get_clocked_task_list at this URL"),
                e.getMessage());
    }

    @Test
    void pluginsAndFunctionalTasks() {
        RecordedRequest p = sent(() -> Plugin.parseList(api.pluginList()));
        assertEquals("/api/bk-sops/prod/get_plugin_list/2/?scope=cmdb_biz", p.pathAndQuery());

        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", "职能化");
        body.put("flow_type", "common_func");
        String task = taskId(api.createTask("40", body));
        long project = api.projectDetail().path("project_id").asLong();
        JsonNode[] page = new JsonNode[1];
        RecordedRequest l = sent(() -> page[0] = api.functionalizationTaskListPage(Map.of("project_id", project), 100, 0));
        assertEquals("/api/bk-sops/prod/get_functionalization_task_list/?project_id=1&limit=100&offset=0", l.pathAndQuery(),
                "no business and no scope: the view has no project in its path");
        FunctionTask ticket = FunctionTask.parseList(page[0].path("data")).get(0);
        assertEquals(Long.parseLong(task), ticket.taskId());
        assertTrue(ticket.waiting());

        JsonNode[] claimed = new JsonNode[1];
        RecordedRequest c = sent(() -> claimed[0] = api.claimFunctionalizationTask(task, null, Map.of("${version}", "3.1")));
        assertEquals("/api/bk-sops/prod/claim_functionalization_task/" + task + "/2/", c.pathAndQuery());
        assertEquals(json("{\"scope\":\"cmdb_biz\",\"constants\":{\"${version}\":\"3.1\"}}"), json(c.body()));
        assertEquals("success", claimed[0].asText());
        ApiException again = assertThrows(ApiException.class, () -> api.claimFunctionalizationTask(task, null, Map.of()));
        assertEquals(ApiException.Kind.REFUSED, again.kind());
        assertEquals("CREATED", api.taskStatusFresh(task, false).path("state").asText(), "claimed is not started");
    }

    @ParameterizedTest(name = "{0} with data {1}")
    @CsvSource(delimiter = '|', value = {
            "log      | {\"text\":\"x\"}         | data is an object, expected a string",
            "schemes  | [{\"id\":\"1-a\",\"name\":\"a\",\"data\":[\"n1\"]}] | data[0].data is a list, expected a string",
            "preview  | {\"pipeline_tree\":{}}   | data.constants_not_referred is missing, expected an object",
            "history  | [{\"operator\":\"a\"}]   | data[0].operate_type is missing, expected a string",
            "clocked  | [{\"id\":1}]            | data[0].plan_start_time is missing, expected a string",
            "claim    | {}                      | data is an object, expected a string",
            "func     | [{\"id\":1,\"status\":\"submitted\"}] | data[0].task is missing, expected an object",
    })
    void wrongShapesAreNotTheApisJson(String which, String data, String problem) {
        String body = "{\"result\":true,\"code\":0,\"message\":\"\",\"data\":" + data + ",\"count\":1}";
        try (HostileServer s = HostileServer.start(HostileServer.json(200, body));
             ApiClient c = client(s.url(), FrontDoor.APIGW)) {
            SopsApi a = new SopsApi(c);
            Runnable call = switch (which) {
                case "log" -> () -> a.taskNodeLog("1", "n", null, null, null);
                case "schemes" -> () -> a.templateSchemes("1");
                case "preview" -> () -> a.previewTaskTree("1", List.of(), null);
                case "history" -> () -> a.taskOperateRecord("1", 1, null);
                case "clocked" -> () -> a.clockedTaskListPage(Map.of(), 10, 0);
                case "claim" -> () -> a.claimFunctionalizationTask("1", null, Map.of());
                default -> () -> a.functionalizationTaskListPage(Map.of(), 10, 0);
            };
            ApiException e = assertThrows(ApiException.class, call::run);
            assertEquals(ApiException.Kind.TRANSPORT, e.kind());
            assertTrue(e.getMessage().contains("the server's answer is not the API's JSON: " + problem), e.getMessage());
        }
    }
}
