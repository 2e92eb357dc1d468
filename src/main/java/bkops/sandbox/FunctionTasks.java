package bkops.sandbox;

import bkops.sandbox.World.Task;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Functional (common_func) tasks: their claim tickets, claim_functionalization_task and get_functionalization_task_list. */
final class FunctionTasks {
    private FunctionTasks() {}

    /**
     * The task an IAM-checked task view names. For an app that is not on bk-sops's trusted list, the interceptor looks
     * the task up first (gcloud/iam_auth/res_factory.py resources_for_task: TaskFlowInstance.objects.fetch_values,
     * which raises DoesNotExist("TaskFlowInstance(id=N) does not exist.")), and bk-sops's
     * ObjectDoesNotExistExceptionMiddleware answers 3540400 (gcloud/core/middlewares.py).
     */
    static Task iamTask(Call c) {
        Task t = c.world().tasks.get(c.id("task_id"));
        if (t == null) {
            throw new SandboxError(3540400, "数据不存在错误: 数据不存在错误, 错误内容 TaskFlowInstance(id=" + c.params.get("task_id")
                    + ") does not exist. | process_exception");
        }
        if (Engine.advance(c.world(), t, c.now)) c.tx.dirty = true;
        return t;
    }

    /**
     * bk-sops gcloud/contrib/function/handlers.py function_task_create_handler: a common_func task gets its ticket when
     * it is created, with the task's creator.
     */
    static void open(World w, Task t) {
        World.FunctionTicket f = new World.FunctionTicket();
        f.id = w.nextFunctionTaskId++;
        f.creator = t.creator;
        f.createTime = t.createTime;
        t.functionTask = f;
    }

    /**
     * The ticket's status: handlers.py sets "executed" when the task starts and "finished" when it finishes or is
     * revoked (taskflow_started / taskflow_finished / taskflow_revoked signals).
     */
    private static String status(Task t) {
        if ("FINISHED".equals(t.rootState) || "REVOKED".equals(t.rootState)) return "finished";
        if (t.started()) return "executed";
        return t.functionTask.status;
    }

    /**
     * bk-sops gcloud/apigw/views/claim_functionalization_task.py and gcloud/taskflow3/models.py task_claim: only a
     * common_func task in func_claim; constants go through set_task_constants (dispatchers/task.py), which refuses
     * hidden and component-output variables and ignores unknown keys; the ticket must still be submitted
     * (contrib/function/models.py claim_task). Then current_flow is execute_task: claimed, not started. Every
     * refusal is answered 3599999 with the message; success data is "success".
     */
    static Map<String, Object> claim(Call c) {
        Task t = iamTask(c);
        if (!"common_func".equals(t.flowType)) {
            throw new SandboxError(3599999, "任务认领失败: 仅职能化任务才能认领, 请检查任务类型 | task_claim");
        }
        if (!"func_claim".equals(t.currentFlow)) {
            throw new SandboxError(3599999, "任务认领失败: 仅职能化任务才能认领, 当前任务类型: " + t.currentFlow + ", 请检查任务类型 | task_claim");
        }
        Object constants = c.params.containsKey("constants") ? c.params.get("constants") : Map.of();
        if (!(constants instanceof Map<?, ?>)) {
            // set_task_constants calls constants.keys(): str(AttributeError) reaches the answer
            String type = constants == null ? "NoneType" : constants instanceof String ? "str" : constants instanceof List<?> ? "list"
                    : constants instanceof Boolean ? "bool" : constants instanceof Double ? "float" : "int";
            throw new SandboxError(3599999, "'" + type + "' object has no attribute 'keys'");
        }
        Map<String, Object> declared = Json.map(t.pipelineTree.get("constants"));
        List<String> hidden = new ArrayList<>();
        List<String> outputs = new ArrayList<>();
        for (Object k : ((Map<?, ?>) constants).keySet()) {
            Map<String, Object> d = Json.map(declared.get(String.valueOf(k)));
            if (d == null) continue;
            if (!"show".equals(d.getOrDefault("show_type", "hide"))) hidden.add(String.valueOf(k));
            if ("component_outputs".equals(d.get("source_type"))) outputs.add(String.valueOf(k));
        }
        if (!hidden.isEmpty() || !outputs.isEmpty()) {
            throw new SandboxError(3599999, "任务参数设置失败: 常量、输出参数 []、隐藏变量 " + Py.repr(hidden) + ", 不可修改值, 输出为 "
                    + Py.repr(outputs) + ". 请检查变量配置 | set_task_constants");
        }
        World.FunctionTicket f = t.functionTask;
        if (f == null || !"submitted".equals(f.status)) {
            throw new SandboxError(3599999, "任务认领失败: 任务已被他人认领, 请在任务列表查看[" + c.user + "] | claim_task");
        }
        ((Map<?, ?>) constants).forEach((k, v) -> {
            Map<String, Object> d = Json.map(declared.get(String.valueOf(k)));
            if (d != null) d.put("value", v);
        });
        String name = c.str("name");
        if (name != null && !name.isEmpty()) t.name = name;
        f.claimant = c.user;
        f.claimTime = c.now;
        f.status = "claimed";
        t.currentFlow = "execute_task";
        c.tx.dirty = true;
        return Call.ok("success");
    }

    /**
     * bk-sops gcloud/apigw/views/get_functionalization_task_list.py: every project's tickets, newest first, unless
     * project_id (a SOPS project id), status, id_in or task_id_in filter them; paged like get_task_list
     * (views/utils.py paginate_list_data); times as datetimes (ISO-8601, UTC) unless expected_timezone.
     */
    static Map<String, Object> list(Call c) {
        String tz = c.str("expected_timezone");
        ZoneId zone = null;
        if (tz != null && !tz.isEmpty()) {
            try {
                zone = ZoneId.of(tz);
            } catch (RuntimeException e) {
                // decorators.py timezone_inject
                Map<String, Object> body = Json.obj("result", false, "data", "", "message", "expected_timezone " + tz + " is unknown.",
                        "code", 3546100);
                return body;
            }
        }
        Long project = null;
        if (c.str("project_id") != null && !c.str("project_id").isEmpty()) {
            project = Json.asLong(c.params.get("project_id"));
            if (project == null) {
                // forms/get_functionalization_task_list.py: project_id is an IntegerField
                throw new SandboxError(3546100, Json.obj("project_id", List.of("Enter a whole number.")));
            }
        }
        List<String> ids = csv(c.str("id_in"));
        List<String> taskIds = csv(c.str("task_id_in"));
        String status = c.str("status");
        Long limit = c.params.containsKey("limit") ? Json.asLong(c.params.get("limit")) : Long.valueOf(100);
        Long offset = c.params.containsKey("offset") ? Json.asLong(c.params.get("offset")) : Long.valueOf(0);
        if (limit == null || offset == null || limit < 0 || offset < 0) {
            // the view answers the exception object as its message: JSON cannot encode it, HTTP 500
            throw new IllegalStateException("Object of type Exception is not JSON serializable");
        }
        List<Task> matched = new ArrayList<>();
        for (Task t : c.world().tasks.descendingMap().values()) {
            if (t.functionTask == null) continue;
            if (Engine.advance(c.world(), t, c.now)) c.tx.dirty = true;
            if (project != null && project != SandboxCredentials.PROJECT_ID) continue;
            if (ids != null && !ids.contains(String.valueOf(t.functionTask.id))) continue;
            if (taskIds != null && !taskIds.contains(String.valueOf(t.id))) continue;
            if (status != null && !status.isEmpty() && !status.equals(status(t))) continue;
            matched.add(t);
        }
        matched.sort((a, b) -> Long.compare(b.functionTask.id, a.functionTask.id));
        int from = (int) Math.min(offset, matched.size());
        int to = (int) Math.min(from + Math.min(limit, 200), matched.size());
        List<Object> data = new ArrayList<>();
        for (Task t : matched.subList(from, to)) data.add(item(c, t, zone));
        Map<String, Object> body = Call.ok(data);
        body.remove("message");
        body.put("count", matched.size());
        return body;
    }

    private static List<String> csv(String s) {
        return s == null || s.isEmpty() ? null : List.of(s.split(","));
    }

    /** views/utils.py format_function_task_list_data, with format_task_info_data for the task. */
    private static Map<String, Object> item(Call c, Task t, ZoneId zone) {
        World.FunctionTicket f = t.functionTask;
        Map<String, Object> m = new LinkedHashMap<>(Json.obj("id", f.id, "name", t.name, "creator", f.creator,
                "rejecter", "", "claimant", f.claimant, "predecessor", "", "create_time", time(f.createTime, zone),
                "claim_time", time(f.claimTime, zone), "reject_time", null, "transfer_time", null, "status", status(t)));
        Map<String, Object> task = Json.obj("id", t.id, "name", t.name, "category", t.category, "create_method", t.createMethod,
                "creator", t.creator, "executor", t.started() ? t.executor : "", "start_time", time(t.startTime, zone),
                "finish_time", time(t.finishTime, zone), "is_started", t.started(), "is_finished", "FINISHED".equals(t.rootState),
                "template_source", t.templateSource, "template_id", String.valueOf(t.templateId), "is_child_taskflow", false);
        c.projectFields(task);
        m.put("task", task);
        return m;
    }

    /** A datetime as Django's JSON encoder writes it (UTC, milliseconds, "Z"), or format_datetime's form in a zone. */
    private static Object time(Long millis, ZoneId zone) {
        if (millis == null) return null;
        Instant at = Instant.ofEpochMilli(millis);
        if (zone == null) return DateTimeFormatter.ISO_INSTANT.format(at.truncatedTo(ChronoUnit.MILLIS));
        return DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss Z").withZone(zone).format(at);
    }
}
