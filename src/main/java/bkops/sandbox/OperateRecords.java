package bkops.sandbox;

import bkops.sandbox.World.Task;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Task operation records and get_task_operate_record. bk-sops writes a record after each successful API call decorated
 * with record_operation (gcloud/contrib/operate_record/decorators.py, core.py Record): create_task,
 * create_and_start_task and fast_create_task ("create"), start_task ("start"), operate_task (its action) and
 * operate_node (its action, with node_id), all with source "api"; node_callback, claim_functionalization_task, the
 * server's own auto retries and clocked/periodic starts write none.
 */
final class OperateRecords {
    /** gcloud/contrib/operate_record/constants.py OperateType: name -> display name. */
    private static final Map<String, String> TYPE_NAMES = Map.ofEntries(
            Map.entry("none", "None"), Map.entry("create", "创建"), Map.entry("task_clone", "克隆(创建)"),
            Map.entry("start", "执行"), Map.entry("pause", "暂停"), Map.entry("resume", "继续"), Map.entry("revoke", "撤消"),
            Map.entry("delete", "删除"), Map.entry("update", "修改"), Map.entry("callback", "回调"), Map.entry("retry", "重试"),
            Map.entry("skip", "跳过"), Map.entry("skip_exg", "跳过失败网关"), Map.entry("skip_cpg", "跳过并行条件网关"),
            Map.entry("pause_subproc", "暂停节点"), Map.entry("resume_subproc", "继续节点"), Map.entry("forced_fail", "强制失败"),
            Map.entry("spec_nodes_timer_reset", "调整时间"), Map.entry("task_action", "任务操作"),
            Map.entry("nodes_action", "节点操作"));
    /** OperateSource: name -> display name. */
    private static final Map<String, String> SOURCE_NAMES = Map.of("app", "app 页面", "api", "api 接口", "parent", "父任务",
            "project", "项目流程", "common", "公共流程", "onetime", "一次性任务");
    /** DRF DateTimeField's output, Python's isoformat() in the server's zone: microseconds only when there are some. */
    private static final DateTimeFormatter ISO = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssxxx").withZone(Call.ZONE);
    private static final DateTimeFormatter ISO_MICROS =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSSxxx").withZone(Call.ZONE);

    private OperateRecords() {}

    /**
     * Records a successful call. core.py need_save_info: instance_id, the task's project id, the request's user,
     * source "api", operate_type = the request's "action" when it has one (core.py real_action), node_id for node
     * actions. extra_info reads execution_data.get("constant"), a key the task data never has, so it stays "".
     */
    static void add(Call c, Task t, String type, String nodeId) {
        World.OperateRecord r = new World.OperateRecord();
        r.operator = c.user;
        r.operateType = type;
        r.operateSource = "api";
        r.projectId = SandboxCredentials.PROJECT_ID;
        r.operateDate = c.now;
        r.nodeId = nodeId == null ? "" : nodeId;
        t.operateRecords.add(r);
        c.tx.dirty = true;
    }

    /**
     * bk-sops gcloud/apigw/views/get_task_operate_record.py: filters = {"project_id": project_id, "instance_id":
     * task_id} with the route's project_id as given, so a business id (scope cmdb_biz) finds no record unless it
     * equals the project id; node_id narrows it. No check that the task exists beyond IAM's (TaskViewInterceptor).
     */
    static Map<String, Object> list(Call c) {
        Task t = FunctionTasks.iamTask(c);
        Long projectId = Json.asLong(c.params.get("bk_biz_id"));
        String nodeId = c.str("node_id");
        List<Object> out = new ArrayList<>();
        for (World.OperateRecord r : t.operateRecords) {
            if (projectId == null || r.projectId != projectId) continue;
            if (nodeId != null && !nodeId.isEmpty() && !nodeId.equals(r.nodeId)) continue;
            String typeName = TYPE_NAMES.get(r.operateType);
            if (typeName == null) {
                // operate_record.py to_representation: OperateType[operate_type] raises KeyError for an action the
                // enum lacks (operate_node's retry_subprocess), and the view answers HTTP 500
                throw new IllegalStateException("KeyError: '" + r.operateType + "'");
            }
            out.add(Json.obj("project_id", r.projectId, "instance_id", t.id, "operator", r.operator, "operate_type", r.operateType,
                    "operate_date", (r.operateDate % 1000 == 0 ? ISO : ISO_MICROS).format(Instant.ofEpochMilli(r.operateDate)), "operate_source", r.operateSource,
                    "node_id", r.nodeId, "extra_info", Map.of(), "operate_type_name", typeName,
                    "operate_source_name", SOURCE_NAMES.get(r.operateSource)));
        }
        return Call.ok(out);
    }
}
