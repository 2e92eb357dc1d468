package bkops.sandbox;

import bkops.sandbox.TaskIndex.Kind;
import bkops.sandbox.TaskIndex.NodeDef;
import bkops.sandbox.World.NodeRun;
import bkops.sandbox.World.Task;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Task creation, task operations and the status/detail reads. */
final class TaskApi {
    private static final List<String> TASK_ACTIONS = List.of("task_view", "task_operate", "task_edit", "task_claim",
            "task_delete", "task_clone");

    private TaskApi() {}

    static Task task(Call c) {
        long id = c.id("task_id");
        Task t = c.world().tasks.get(id);
        if (t == null) {
            throw new SandboxError(3540400, "数据不存在错误: TaskFlowInstance matching query does not exist. | process_exception");
        }
        if (Engine.advance(c.world(), t, c.now)) c.tx.dirty = true;
        return t;
    }

    static Map<String, Object> create(Call c, boolean andStart) {
        String source = c.str("template_source");
        if (andStart) {
            // bk-sops gcloud/apigw/views/create_and_start_task.py: template_source defaults to "business" and
            // "if template_source == BUSINESS" picks a project template; any other value, "project" too, a common one
            source = source == null || source.equals("business") ? "project" : "common";
        }
        Template tpl = TemplateApi.find(c, c.id("template_id"), source);
        Object name = c.params.get("name");
        if (!(name instanceof String n)) throw new SandboxError(3540000, "task params is invalid: 'name' is a required property");
        if (n.isEmpty()) throw new SandboxError(3540000, "task params is invalid: '' is too short");
        if (n.length() > 100) throw new SandboxError(3540000, "task params is invalid: '" + n + "' is too long");
        Object constants = c.params.get("constants");
        if (constants != null && !(constants instanceof Map)) {
            throw new SandboxError(3540000, "task params is invalid: " + constants + " is not of type 'object'");
        }
        List<String> excluded = excludedNodes(c, tpl, andStart);
        Map<String, Object> tree;
        try {
            tree = TemplateApi.taskTree(tpl, excluded, Json.map(constants));
        } catch (IllegalArgumentException e) {
            throw new SandboxError(3540000, "task params is invalid: " + e.getMessage());
        }
        Task t = new Task();
        t.id = c.world().nextTaskId++;
        t.name = n;
        t.templateId = tpl.id();
        t.templateSource = tpl.common() ? "common" : "project";
        // create_and_start_task stores the template_source it was given (params["template_source"], default "business")
        if (andStart) t.templateSource = c.str("template_source") == null ? "business" : c.str("template_source");
        t.category = tpl.category();
        t.creator = c.user;
        t.executor = c.user;
        t.createTime = c.now;
        t.description = c.str("description") == null ? "" : c.str("description");
        if ("common_func".equals(c.str("flow_type"))) {
            // bk-sops gcloud/apigw/views/create_task.py: current_flow="execute_task" if flow_type == "common" else "func_claim"
            t.flowType = "common_func";
            t.currentFlow = "func_claim";
        }
        t.pipelineTree = tree;
        autoRetryStrategies(t);
        c.world().tasks.put(t.id, t);
        c.tx.dirty = true;
        if (t.flowType.equals("common_func")) FunctionTasks.open(c.world(), t);
        OperateRecords.add(c, t, "create", null);
        if (andStart) startLater(t, c);
        return Call.ok(Json.obj("task_id", t.id, "task_url", c.taskUrl(t.id), "pipeline_tree", tree));
    }

    /**
     * bk-sops gcloud/taskflow3/domains/auto_retry.py batch_create_strategy: one strategy per activity (nested ones
     * included) whose auto_retry.enable is set; times = min(abs(int(times)), 10), default 10; interval =
     * min(abs(int(interval)), 10) seconds, default 0 (gcloud/constants.py TASKFLOW_NODE_AUTO_RETRY_MAX_TIMES/_INTERVAL).
     */
    static void autoRetryStrategies(Task t) {
        TaskIndex idx = t.index();
        List<String> pipelines = new ArrayList<>(List.of(idx.rootId));
        for (int i = 0; i < pipelines.size(); i++) {
            for (String id : idx.members(pipelines.get(i))) {
                NodeDef d = idx.node(id);
                if (d.kind() == Kind.SUBPROCESS) pipelines.add(id);
                if (d.kind() != Kind.ACTIVITY) continue;
                Map<String, Object> ar = Json.map(d.def().get("auto_retry"));
                if (ar == null || !Json.flag(ar, "enable")) continue;
                World.AutoRetry s = new World.AutoRetry();
                s.maxRetryTimes = bounded(ar.get("times"), 10);
                s.interval = ar.containsKey("interval") ? bounded(ar.get("interval"), 10) : 0;
                t.autoRetry.put(id, s);
            }
        }
    }

    private static int bounded(Object v, int max) {
        Long n = Json.asLong(v);
        return n == null ? max : (int) Math.min(Math.abs(n), max);
    }

    /**
     * start_task / operate_task start / create_and_start_task only queue prepare_and_start_task (bk-sops
     * gcloud/apigw/views/start_task.py); its task_action("start") refuses, and only logs, a task whose current_flow is
     * not execute_task (gcloud/taskflow3/models.py task_action): a functional task stays CREATED until claimed.
     */
    private static void startLater(Task t, Call c) {
        if (t.currentFlow.equals("execute_task")) Engine.start(t, c.now, c.user);
    }

    /**
     * The template nodes a new task leaves out: bk-sops 3.34.17 gcloud/apigw/views/task_node_selector.py
     * resolve_exclude_task_nodes_id (V3.34.12's create_task ignores template_schemes_id and its
     * create_and_start_task reads exclude_task_nodes_id only). template_schemes_id: one id or a list; a digit string
     * or a number is a scheme primary key, any other string a unique id ("<template>-<name>"); it cannot be combined
     * with an exclude or execute list; its exclusions are the optional activities no chosen scheme selects
     * (pipeline_web/preview_base.py get_template_exclude_task_nodes_with_schemes). execute_task_nodes_id (create_task
     * only) excludes every other activity. Refusals are 3540000 with the selector's message.
     */
    private static List<String> excludedNodes(Call c, Template tpl, boolean andStart) {
        Object raw = c.params.get("template_schemes_id");
        List<Object> schemes = new ArrayList<>();
        if (raw instanceof List<?> l) schemes.addAll(l); else if (raw != null) schemes.add(raw);
        List<Object> keys = new ArrayList<>();
        for (Object s : schemes) {
            Object k = s instanceof String str && str.matches("\\d+") ? (Object) Long.parseLong(str) : s;
            boolean valid = k instanceof String str ? !str.isEmpty() : k instanceof Number n && !(k instanceof Double) && n.longValue() > 0;
            if (!valid) {
                throw new SandboxError(3540000, "invalid template_schemes_id: all items must be non-empty strings or positive integers");
            }
            if (keys.contains(k)) throw new SandboxError(3540000, "duplicate template_schemes_id: " + s);
            keys.add(k instanceof Number n ? (Object) n.longValue() : k);
        }
        List<String> exclude = TemplateApi.stringList(c.params.get("exclude_task_nodes_id"));
        List<String> execute = TemplateApi.stringList(c.params.get("execute_task_nodes_id"));
        if (!keys.isEmpty()) {
            if (!exclude.isEmpty() || !execute.isEmpty()) {
                throw new SandboxError(3540000, "template_schemes_id can not be used with exclude_task_nodes_id or execute_task_nodes_id");
            }
            List<String> selected = new ArrayList<>();
            List<String> missing = new ArrayList<>();
            for (Object k : keys) {
                Template.Scheme found = tpl.schemes().stream()
                        .filter(x -> k instanceof Long pk ? x.id() == pk : TemplateApi.uniqueId(tpl, x).equals(k)).findFirst().orElse(null);
                if (found == null) missing.add(String.valueOf(k)); else selected.addAll(found.nodeIds());
            }
            if (!missing.isEmpty()) throw new SandboxError(3540000, "unknown template_schemes_id: " + String.join(", ", missing));
            List<String> excluded = new ArrayList<>();
            Json.map(tpl.tree().get("activities")).forEach((id, a) -> {
                if (Py.truthy(Json.map(a).get("optional")) && !selected.contains(id)) excluded.add(id);
            });
            return excluded;
        }
        if (andStart || execute.isEmpty()) return exclude;
        List<String> excluded = new ArrayList<>();
        for (String id : Json.map(tpl.tree().get("activities")).keySet()) if (!execute.contains(id)) excluded.add(id);
        return excluded;
    }

    static Map<String, Object> start(Call c) {
        Task t = task(c);
        if (t.started()) throw new SandboxError(3545000, "task already started");
        startLater(t, c);
        c.tx.dirty = true;
        OperateRecords.add(c, t, "start", null);
        Map<String, Object> body = Call.ok(Json.obj("task_url", c.taskUrl(t.id)));
        body.put("task_url", c.taskUrl(t.id));
        return body;
    }

    static Map<String, Object> operate(Call c) {
        Task t = task(c);
        String action = c.str("action");
        if (action == null || !List.of("start", "pause", "resume", "revoke").contains(action)) {
            throw new SandboxError(3545000, "task command is invalid");
        }
        if (action.equals("start")) {
            if (t.started()) throw new SandboxError(3545000, "task already started");
            startLater(t, c);
        } else {
            // gcloud/taskflow3/models.py task_action: the current_flow check comes first
            if (!t.currentFlow.equals("execute_task")) {
                throw new SandboxError(3545000, "task with current_flow:" + t.currentFlow + " cannot be " + action + "ed");
            }
            if (!t.started()) throw new SandboxError(3545000, "task not started");
            String root = t.index().rootId;
            switch (action) {
                case "pause" -> {
                    if (!t.rootState.equals("RUNNING")) throw Traceback.transit("pause_pipeline", 155, "SUSPENDED", root, t.rootState);
                    t.rootState = "SUSPENDED";
                }
                case "resume" -> {
                    if (!t.rootState.equals("SUSPENDED")) {
                        throw Traceback.invalid("resume_pipeline", 185, "raise InvalidOperationError(\"pipeline({}) state is: {}\".format(pipeline_id, state.name))",
                                "pipeline(" + root + ") state is: " + t.rootState);
                    }
                    t.rootState = "RUNNING";
                    retimeTokens(t, c.now);
                }
                default -> {
                    t.rootState = "REVOKED";
                    t.finishTime = c.now;
                    t.currentFlow = "finished";
                }
            }
        }
        c.tx.dirty = true;
        OperateRecords.add(c, t, action, null);
        Engine.advance(c.world(), t, c.now);
        return Call.success();
    }

    static void retimeTokens(Task t, long now) {
        for (World.Token k : t.tokens) k.at = Math.max(k.at, now);
    }

    // ---- reads ----

    static Map<String, Object> status(Call c) {
        Task t = c.world().tasks.get(c.id("task_id"));
        if (t == null) {
            // bk-sops gcloud/apigw/views/get_task_status.py: TaskFlowInstance.objects.get fails -> UNKNOWN_ERROR
            throw new SandboxError(3599999, "task[id=" + c.params.get("task_id")
                    + "] get status error: TaskFlowInstance matching query does not exist.");
        }
        if (Engine.advance(c.world(), t, c.now)) c.tx.dirty = true;
        String sub = c.str("subprocess_id");
        Map<String, Object> data;
        if (sub != null && !sub.isEmpty()) {
            NodeDef d = t.index().node(sub);
            NodeRun r = d == null ? null : t.runs.get(sub);
            data = r == null ? created(sub, "") : StatusTree.node(t, d, r, false, c.now);
        } else {
            data = StatusTree.root(t, c.now);
        }
        if (Json.flag(c.params, "with_ex_data") && "FAILED".equals(data.get("state"))) data.put("ex_data", StatusTree.exData(t, data));
        boolean info = Json.flag(c.params, "with_failed_node_info");
        boolean retries = Json.flag(c.params, "with_auto_retry_status");
        if (info || retries) {
            // get_task_status.py reads result["data"]["id"], which the CREATED (and EXPIRED) payload lacks: KeyError
            if ("CREATED".equals(data.get("state"))) {
                throw new SandboxError(3599999, "task[id=" + t.id + "] extract failed node info error: 'id'");
            }
            // get_failed_nodes_info over extract_nodes_by_statuses(status_tree, [FAILED]): {} or the strategy's counts
            Map<String, Object> failed = new LinkedHashMap<>();
            for (String id : failedNodes(data, new ArrayList<>())) {
                World.AutoRetry s = t.autoRetry.get(id);
                failed.put(id, s == null ? new LinkedHashMap<>()
                        : Json.obj("node_id", id, "auto_retry_times", s.retryTimes, "max_auto_retry_times", s.maxRetryTimes));
            }
            if (info) data.put("failed_node_info", failed);
            if (retries) {
                List<String> waiting = new ArrayList<>();
                failed.forEach((id, v) -> {
                    World.AutoRetry s = t.autoRetry.get(id);
                    if (s != null && s.retryTimes < s.maxRetryTimes) waiting.add(id);
                });
                data.put("auto_retry_status", Json.obj("exist_auto_retry_nodes", !waiting.isEmpty(), "auto_retry_nodes", waiting));
            }
        }
        return Call.ok(data);
    }

    /** bk-sops gcloud/taskflow3/utils.py extract_nodes_by_statuses: FAILED children, descending only into FAILED ones. */
    @SuppressWarnings("unchecked")
    private static List<String> failedNodes(Map<String, Object> node, List<String> out) {
        Object children = node.get("children");
        if (!(children instanceof Map<?, ?>)) return out;
        for (Map.Entry<String, Object> e : ((Map<String, Object>) children).entrySet()) {
            Map<String, Object> child = Json.map(e.getValue());
            if ("FAILED".equals(child.get("state"))) {
                out.add(e.getKey());
                failedNodes(child, out);
            }
        }
        return out;
    }

    static Map<String, Object> created(String id, String name) {
        return Json.obj("id", id, "state", "CREATED", "root_id:", id, "parent_id", id, "version", "", "loop", 1, "retry", 0,
                "skip", false, "error_ignorable", false, "error_ignored", false, "elapsed_time", 0, "start_time", null,
                "finish_time", null, "children", new LinkedHashMap<>(), "name", name);
    }

    static Map<String, Object> statuses(Call c) {
        List<String> ids = TemplateApi.stringList(c.params.get("task_id_list"));
        if (ids.size() > 50) throw new SandboxError(3540000, "task_id_list is too long, maximum length is 50");
        boolean children = Boolean.TRUE.equals(c.params.get("include_children_status"))
                || "true".equalsIgnoreCase(String.valueOf(c.params.get("include_children_status")));
        List<Object> out = new ArrayList<>();
        for (String s : ids) {
            Long id = Json.asLong(s);
            Task t = id == null ? null : c.world().tasks.get(id);
            if (t == null) continue;
            if (Engine.advance(c.world(), t, c.now)) c.tx.dirty = true;
            Map<String, Object> st = StatusTree.root(t, c.now);
            if (!children) st.remove("children");
            out.add(Json.obj("id", t.id, "name", t.name, "status", st, "flow_type", t.flowType, "current_flow", t.currentFlow,
                    "is_deleted", false, "create_time", blank(t.createTime), "start_time", blank(t.startTime),
                    "finish_time", blank(t.finishTime), "url", c.taskUrl(t.id)));
        }
        return Call.ok(out);
    }

    /** bk-sops gcloud/utils/dates.py format_datetime, as get_tasks_status uses it: "" for no time, never null. */
    private static String blank(Long millis) {
        return millis == null ? "" : Call.time(millis);
    }

    static Map<String, Object> detail(Call c) {
        Task t = task(c);
        // bk-sops gcloud/taskflow3/models.py get_task_detail: project_id and project_name only (no bk_biz_id), an int
        // template_id and no template_source
        Map<String, Object> m = Json.obj("id", t.id, "project_id", SandboxCredentials.PROJECT_ID, "project_name", Seed.BIZ_NAME);
        Map<String, Object> constants = Json.map(t.pipelineTree.get("constants"));
        List<Object> outputs = new ArrayList<>();
        for (String key : TemplateApi.stringList(t.pipelineTree.get("outputs"))) {
            Map<String, Object> k = Json.map(constants.get(key));
            if (k != null) outputs.add(Json.obj("key", key, "value", k.get("value"), "name", k.get("name")));
        }
        Map<String, Object> status = StatusTree.root(t, c.now);
        m.putAll(Json.obj("name", t.name, "create_time", Call.time(t.createTime), "creator", t.creator,
                "create_method", t.createMethod, "template_id", t.templateId, "start_time", Call.time(t.startTime), "finish_time", Call.time(t.finishTime), "executor", t.executor,
                "elapsed_time", status.get("elapsed_time"), "pipeline_tree", t.pipelineTree, "task_url", c.taskUrl(t.id),
                "constants", constants, "outputs", outputs, "ex_data", "FAILED".equals(status.get("state")) ? StatusTree.exData(t, status) : ""));
        return Call.ok(m);
    }

    static Map<String, Object> list(Call c) {
        Long limit = c.params.containsKey("limit") ? Json.asLong(c.params.get("limit")) : Long.valueOf(100);
        Long offset = c.params.containsKey("offset") ? Json.asLong(c.params.get("offset")) : Long.valueOf(0);
        if (limit == null || limit < 0 || offset == null || offset < 0) {
            throw new SandboxError(3540000, Json.obj(limit == null || limit < 0 ? "limit" : "offset", List.of("请输入一个有效的整数 enter a valid integer")));
        }
        limit = Math.min(limit, 200);
        String keyword = c.str("keyword");
        String tz = c.str("expected_timezone");
        ZoneId zone = null;
        if (tz != null && !tz.isEmpty()) {
            try {
                zone = ZoneId.of(tz);
            } catch (RuntimeException e) {
                throw new SandboxError(3546100, "expected_timezone " + tz + " is unknown.");
            }
        }
        List<Long> templateIds = new ArrayList<>();
        if (c.str("template_id") != null) templateIds.add(Json.asLong(c.params.get("template_id")));
        if (c.str("template_ids") != null) for (String s : c.str("template_ids").split(",")) templateIds.add(Json.asLong(s));
        List<Map<String, Object>> matched = new ArrayList<>();
        for (Task t : c.world().tasks.descendingMap().values()) {
            if (Engine.advance(c.world(), t, c.now)) c.tx.dirty = true;
            if (keyword != null && !t.name.contains(keyword)) continue;
            // bamboo-pipeline pipeline/models.py: set_finished sets is_finished; set_revoked sets finish_time and
            // is_revoked only, so a revoked task lists is_finished false (bk-sops gcloud/apigw/views/utils.py format_task_info_data)
            boolean finished = "FINISHED".equals(t.rootState);
            if (!bool(c, "is_started", t.started()) || !bool(c, "is_finished", finished)) continue;
            if (c.str("executor") != null && !c.str("executor").equals(t.executor)) continue;
            if (c.str("create_method") != null && !c.str("create_method").equals(t.createMethod)) continue;
            if (!templateIds.isEmpty() && !templateIds.contains(t.templateId)) continue;
            if (!bool(c, "is_child_taskflow", false)) continue;
            Map<String, Object> m = Json.obj("id", t.id, "name", t.name, "category", t.category, "create_method", t.createMethod,
                    "creator", t.creator, "executor", t.started() ? t.executor : "", "start_time", listTime(t.startTime, zone),
                    "finish_time", listTime(t.finishTime, zone), "is_started", t.started(),
                    "is_finished", finished, "template_source", t.templateSource,
                    "template_id", String.valueOf(t.templateId), "is_child_taskflow", false);
            c.projectFields(m);
            m.put("auth_actions", TASK_ACTIONS);
            matched.add(m);
        }
        int from = (int) Math.min(offset, matched.size());
        int to = (int) Math.min(from + limit, matched.size());
        Map<String, Object> body = Call.ok(new ArrayList<>(matched.subList(from, to)));
        body.put("count", Json.flag(c.params, "without_count") && !"false".equals(c.str("without_count")) ? -1 : matched.size());
        return body;
    }

    private static boolean bool(Call c, String key, boolean actual) {
        String v = c.str(key);
        if (v == null || v.isEmpty()) return true;
        return Boolean.parseBoolean(v.toLowerCase()) == actual;
    }

    private static Object listTime(Long millis, ZoneId zone) {
        if (millis == null) return null;
        if (zone == null) return DateTimeFormatter.ISO_INSTANT.format(Instant.ofEpochMilli(millis).truncatedTo(java.time.temporal.ChronoUnit.MILLIS));
        return DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss Z").withZone(zone).format(Instant.ofEpochMilli(millis));
    }

    static Map<String, Object> count(Call c) {
        String groupBy = c.str("group_by");
        if (groupBy == null || !List.of("status", "category", "flow_type", "create_method").contains(groupBy)) {
            throw new SandboxError(3540000, "group_by is invalid");
        }
        Map<String, Integer> groups = new LinkedHashMap<>();
        Map<String, String> names = new LinkedHashMap<>();
        if (groupBy.equals("status")) {
            // bk-sops gcloud/taskflow3/models.py group_by_state: CREATED (not started), EXECUTING (started, not
            // is_finished: revoked tasks included), FINISHED (is_finished); there is no revoked group
            names.putAll(Map.of("CREATED", "未执行", "EXECUTING", "执行中", "FINISHED", "已完成"));
            for (String k : List.of("CREATED", "EXECUTING", "FINISHED")) groups.put(k, 0);
        }
        for (Task t : c.world().tasks.values()) {
            if (Engine.advance(c.world(), t, c.now)) c.tx.dirty = true;
            String key = switch (groupBy) {
                case "status" -> !t.started() ? "CREATED" : "FINISHED".equals(t.rootState) ? "FINISHED" : "EXECUTING";
                case "category" -> t.category;
                case "flow_type" -> t.flowType;
                default -> t.createMethod;
            };
            groups.merge(key, 1, Integer::sum);
        }
        List<Object> out = new ArrayList<>();
        groups.forEach((k, v) -> out.add(Json.obj("code", k, "name", names.getOrDefault(k, k), "value", v)));
        return Call.ok(Json.obj("total", c.world().tasks.size(), "groups", out));
    }

    // ---- nodes ----

    static Map<String, Object> nodeDetail(Call c) {
        Task t = task(c);
        String nodeId = c.str("node_id");
        NodeDef d = nodeId == null ? null : t.index().node(nodeId);
        if (d == null) throw new SandboxError(3599999, NodeApi.missing(t, nodeId));
        NodeRun r = t.runs.get(nodeId);
        if (r == null) {
            // bk-sops dispatchers/node.py get_node_detail_v2 for a node not reached: name, error_ignorable and READY,
            // plus get_node_data_v2's inputs/outputs/ex_data; no id, so models.py get_node_detail adds nothing more
            return Call.ok(Json.obj("name", d.name(), "error_ignorable", d.def().get("error_ignorable") == Boolean.TRUE,
                    "state", "READY", "inputs", Map.of(), "outputs", List.of(), "ex_data", ""));
        }
        Map<String, Object> m = StatusTree.node(t, d, r, true, c.now);
        m.remove("children");
        m.put("inputs", r.inputs);
        m.put("outputs", outputs(r));
        m.put("ex_data", r.exData);
        m.put("histories", r.histories);
        m.put("history_id", r == null ? -1 : r.histories.size());
        m.put("subprocess_stack", t.index().subprocessStack(nodeId));
        // gcloud/taskflow3/models.py TaskFlowInstance.get_node_detail: fetch_node_id__auto_retry_info_map(detail["parent_id"], ...),
        // so only a root-level node's strategy is found
        World.AutoRetry ar = d.pipelineId().equals(t.index().rootId) ? t.autoRetry.get(nodeId) : null;
        m.put("auto_retry_info", ar == null ? Map.of()
                : Json.obj("node_id", nodeId, "auto_retry_times", ar.retryTimes, "max_auto_retry_times", ar.maxRetryTimes));
        return Call.ok(m);
    }

    static Map<String, Object> nodeData(Call c) {
        Task t = task(c);
        String nodeId = c.str("node_id");
        NodeDef d = nodeId == null ? null : t.index().node(nodeId);
        if (d == null) throw new SandboxError(3599999, NodeApi.missing(t, nodeId));
        NodeRun r = t.runs.get(nodeId);
        Map<String, Object> inputs = r != null ? r.inputs : new LinkedHashMap<>();
        if (r == null && d.kind() == Kind.ACTIVITY) {
            Map<String, Object> data = Json.map(Json.map(d.def().get("component")).get("data"));
            if (data != null) data.forEach((k, v) -> inputs.put(k, Json.map(v).get("value")));
        }
        Map<String, Object> m = Json.obj("inputs", inputs, "outputs", outputs(r), "ex_data", r == null ? null : r.exData);
        if (r != null) m.put("execution_time", StatusTree.elapsed(r, c.now));
        return Call.ok(m);
    }

    private static List<Object> outputs(NodeRun r) {
        List<Object> out = new ArrayList<>();
        if (r == null) return out;
        r.outputs.forEach((k, v) -> out.add(Json.obj("name", outputName(k), "key", k, "value", v, "preset", true)));
        return out;
    }

    private static String outputName(String key) {
        return switch (key) {
            case "_result" -> "执行结果";
            case "job_inst_id" -> "JOB任务ID";
            case "callback_data" -> "回调数据";
            case "sn" -> "单据sn"; // bk/approve/v1_0.py outputs_format
            case "approve_result" -> "审核结果";
            default -> key;
        };
    }
}
