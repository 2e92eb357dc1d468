package bkops.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The records of the operator's console endpoints (issue 15), read from the documented examples where there are some. */
class ConsoleModelsTest {

    @Test
    void schemesFromTheDocExampleCarryTheirNodeIdsOutOfTheJsonString() {
        List<Scheme> schemes = Scheme.parseList(Fixtures.docData("get_template_schemes"));
        assertEquals(2, schemes.size());
        Scheme first = schemes.get(0);
        assertEquals("47-1", first.id());
        assertEquals("1", first.name());
        assertEquals(List.of("node7082deed0725aed8c72ecff079ba", "node88d9050f288765b94a15cbe023ab"), first.nodeIds());
        assertTrue(first.readable());
        assertEquals(List.of("node7082deed0725aed8c72ecff079ba"), schemes.get(1).nodeIds());
    }

    @Test
    void aSchemeExcludesTheOptionalNodesItLeavesOutAndNeverARequiredOne() {
        // the preview doc example's template: two optional pause nodes
        JsonNode tree = Fixtures.docData("preview_task_tree").get("pipeline_tree");
        List<Scheme> schemes = Scheme.parseList(Fixtures.docData("get_template_schemes"));
        assertEquals(List.of("node88d9050f288765b94a15cbe023ab"), Scheme.excludedNodes(tree, List.of(schemes.get(1))));
        assertEquals(List.of(), Scheme.excludedNodes(tree, schemes), "schemes add up");
        JsonNode required = Fixtures.json(tree.toString().replace("\"optional\":true", "\"optional\":false"));
        assertEquals(List.of(), Scheme.excludedNodes(required, List.of(schemes.get(1))), "not optional: always runs");
        Scheme broken = Scheme.parseList(Fixtures.json("[{\"id\": \"47-x\", \"name\": \"x\", \"data\": \"not json\"}]")).get(0);
        assertFalse(broken.readable());
        assertThrows(IllegalArgumentException.class, () -> Scheme.excludedNodes(tree, List.of(broken)),
                "an unreadable scheme must not exclude every optional node");
    }

    @Test
    void schemesMatchByIdWholeNameOrAUniquePart() {
        List<Scheme> all = Scheme.parseList(Fixtures.json("""
                [{"id": "40-完整 full", "name": "完整 full", "data": "[]"},
                 {"id": "40-快速 quick", "name": "快速 quick", "data": "[]"},
                 {"id": "40-quick canary", "name": "quick canary", "data": "[]"}]"""));
        assertEquals("40-快速 quick", Scheme.matching(all, "40-快速 quick").get(0).id());
        assertEquals(List.of(all.get(2)), Scheme.matching(all, "quick canary"));
        assertEquals(2, Scheme.matching(all, "QUICK").size(), "ambiguous, for the caller to refuse");
        assertEquals(List.of(all.get(0)), Scheme.matching(all, "完整"));
        assertTrue(Scheme.matching(all, "nightly").isEmpty());
    }

    @Test
    void previewFromTheDocExample() {
        TaskPreview p = TaskPreview.parse(Fixtures.docData("preview_task_tree"));
        assertEquals(2, p.tree().nodes().values().stream().filter(n -> n.type() == PipelineTree.NodeType.SERVICE).count());
        assertTrue(p.constantsNotReferred().isEmpty());
        assertTrue(p.raw().has("location"), "the layout comes along");
        TaskPreview pruned = TaskPreview.parse(Fixtures.json("""
                {"pipeline_tree": {"start_event": {"id": "s", "type": "EmptyStartEvent", "outgoing": "f"},
                   "end_event": {"id": "e", "type": "EmptyEndEvent", "incoming": "f"}, "activities": {},
                   "gateways": {}, "flows": {"f": {"id": "f", "source": "s", "target": "e"}}, "constants": {},
                   "outputs": []},
                 "constants_not_referred": {
                   "${b}": {"key": "${b}", "name": "B", "index": 1, "value": "2", "show_type": "hide"},
                   "${a}": {"key": "${a}", "name": "A", "index": 0, "value": "1", "show_type": "show"}}}"""));
        assertEquals(List.of("${a}", "${b}"), pruned.constantsNotReferred().stream().map(Constant::key).toList());
    }

    @Test
    void pluginsFromTheDocExample() {
        List<Plugin> plugins = Plugin.parseList(Fixtures.docData("get_plugin_list"));
        assertEquals(1, plugins.size());
        Plugin p = plugins.get(0);
        assertEquals("job_push_local_files", p.code());
        assertEquals("分发本地文件", p.name());
        assertEquals("1.0.0", p.version());
        assertEquals("作业平台(JOB)", p.groupName());
        assertEquals(2, p.outputs());
    }

    @Test
    void functionTasksFromTheDocExample() {
        List<FunctionTask> tickets = FunctionTask.parseList(Fixtures.docData("get_functionalization_task_list"));
        assertEquals(2, tickets.size());
        FunctionTask t = tickets.get(0);
        assertEquals(6, t.id());
        assertEquals(414, t.taskId(), "the ticket's id is not the task's");
        assertTrue(t.waiting());
        assertEquals("", t.claimTime(), "null claim_time");
        assertFalse(t.taskStarted());
        assertEquals("2020-11-10T04:17:15.586Z", t.createTime());
    }

    @Test
    void clockedTaskFromTheDocExample() {
        // bk-sops docs/apidoc/zh_hans/create_clocked_task.md, 返回结果示例 (not among the shared fixtures)
        ClockedTask c = ClockedTask.parse(Fixtures.json("""
                {"id": 72, "task_parameters": {"constants": {}, "template_schemes_id": []}, "creator": "",
                 "plan_start_time": "2022-05-16 20:26:40+0800", "project_id": 1, "task_id": null,
                 "task_name": "test_clocked_task", "template_id": 508, "template_name": "测试模版",
                 "template_source": "project", "clocked_task_id": 88}"""));
        assertEquals(72, c.id());
        assertNull(c.taskId());
        assertEquals(508, c.templateId());
        assertEquals("2022-05-16 20:26:40+0800", c.planStartTime());
        assertTrue(c.taskParameters().path("constants").isObject());
    }

    @Test
    void operateRecordsAndNodeLogs() {
        List<OperateRecord> records = OperateRecord.parseList(Fixtures.json("""
                [{"project_id": 1, "instance_id": 10001, "operator": "admin", "operate_type": "retry",
                  "operate_date": "2026-11-25T10:00:05.120000+08:00", "operate_source": "api", "node_id": "n1",
                  "extra_info": {}, "operate_type_name": "重试", "operate_source_name": "api 接口"},
                 {"project_id": 1, "instance_id": 10001, "operator": "admin", "operate_type": "create",
                  "operate_date": "2026-11-25T10:00:00+08:00", "operate_source": "api", "node_id": "",
                  "extra_info": {}, "operate_type_name": "创建", "operate_source_name": "api 接口"}]"""));
        assertTrue(records.get(0).onNode());
        assertFalse(records.get(1).onNode());
        assertEquals("重试", records.get(0).typeName());
        NodeLog log = NodeLog.parse(Fixtures.json("""
                {"result": true, "message": "success", "data": "[2026-11-25 10:00:00,000][INFO] a\\n[2026-11-25 10:00:01,000][ERROR] b", "page": {}}"""));
        assertEquals(2, log.lines().size());
        assertTrue(log.page().isEmpty());
        assertTrue(NodeLog.parse(Fixtures.json("{\"result\": true, \"data\": \"\", \"page\": {}}")).empty());
    }
}
