package bkops.api;

import bkops.i18n.Text;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Standard OPS, one method per endpoint. Returns the envelope's data as the API gave it. */
public final class SopsApi {
    private final ApiClient client;

    public SopsApi(ApiClient client) {
        this.client = client;
    }

    public ApiClient client() {
        return client;
    }

    /** Business (project) templates, or common templates when {@code common}. Optional name filter. */
    public JsonNode templateList(boolean common, String nameKeyword) {
        if (common) {
            return client.data(Endpoints.GET_COMMON_TEMPLATE_LIST, Map.of(), Text.of("errors.api.what.list-common-templates"));
        }
        Map<String, Object> q = new LinkedHashMap<>();
        if (nameKeyword != null) {
            q.put("name_keyword", nameKeyword);
        }
        return client.data(Endpoints.GET_TEMPLATE_LIST, q, Text.of("errors.api.what.list-templates"));
    }

    public JsonNode templateInfo(String templateId, boolean common, boolean unfoldSubprocess) {
        Map<String, Object> q = new LinkedHashMap<>();
        q.put("template_id", templateId);
        q.put("template_source", common ? "common" : "project");
        // no include_constants: its template_constants (bk-sops apigw/views/utils.py process_pipeline_constants) is a
        // summary list bkops does not use, and it looks each variable type up (an unknown custom type fails the call)
        if (unfoldSubprocess) {
            q.put("unfold_subprocess", "true");
        }
        return client.data(Endpoints.GET_TEMPLATE_INFO, q, Text.of("errors.api.what.show-template", templateId));
    }

    /** The business's project; cheap, and it proves the credentials and the business id. */
    public JsonNode projectDetail() {
        return client.data(Endpoints.GET_USER_PROJECT_DETAIL, Map.of(), Text.of("errors.api.what.read-project"));
    }

    // ---- tasks ----

    /** One page of tasks, newest first; the whole body, since the total is the top-level {@code count}. */
    public JsonNode taskListPage(Map<String, Object> filters, int limit, int offset) {
        Map<String, Object> q = new LinkedHashMap<>(filters);
        q.put("limit", limit);
        q.put("offset", offset);
        return client.call(Endpoints.GET_TASK_LIST, q, Text.of("errors.api.what.list-tasks"));
    }

    /** create_task: {@code body} holds name, constants, exclude_task_nodes_id, flow_type, template_source. */
    public JsonNode createTask(String templateId, Map<String, Object> body) {
        Map<String, Object> q = new LinkedHashMap<>();
        q.put("template_id", templateId);
        q.putAll(body);
        return client.data(Endpoints.CREATE_TASK, q, Text.of("errors.api.what.create-task", templateId));
    }

    /** start_task: asynchronous on the server; poll the status to see it run. */
    public JsonNode startTask(String taskId) {
        return client.data(Endpoints.START_TASK, Map.of("task_id", taskId), Text.of("errors.api.what.start-task", taskId));
    }

    /** operate_task with action start, pause, resume or revoke; success has no data. */
    public void operateTask(String taskId, String action) {
        Map<String, Object> q = new LinkedHashMap<>();
        q.put("task_id", taskId);
        q.put("action", action);
        client.call(Endpoints.OPERATE_TASK, q, Text.of("errors.api.what.task-action", action, taskId));
    }

    /** get_task_status with ex_data (the error text of failed nodes). */
    public JsonNode taskStatus(String taskId) {
        Map<String, Object> q = new LinkedHashMap<>();
        q.put("task_id", taskId);
        q.put("with_ex_data", "true");
        return client.data(Endpoints.GET_TASK_STATUS, q, Text.of("errors.api.what.task-status", taskId));
    }

    /**
     * The parameter that makes a read one the server's caches cannot answer. bk-sops caches get_task_status and
     * get_tasks_status 10 s, get_task_detail 60 s, keyed by path, user and the sorted query or body
     * (gcloud/apigw/utils.py deal_request_args); the views ignore parameters they do not know, so a value of the read's
     * own makes a key no earlier read has filled.
     */
    public static final String FRESH = "_fresh";

    private static String nonce() {
        return Long.toUnsignedString(java.util.concurrent.ThreadLocalRandom.current().nextLong(), 36);
    }

    /**
     * get_task_status as the engine has it now (see {@link #FRESH}), with ex_data. {@code autoRetry}: also
     * failed_node_info and auto_retry_status (bk-sops gcloud/apigw/views/get_task_status.py); the view fails on those
     * for a task that never ran, whose CREATED payload has no id.
     */
    public JsonNode taskStatusFresh(String taskId, boolean autoRetry) {
        Map<String, Object> q = new LinkedHashMap<>();
        q.put("task_id", taskId);
        q.put("with_ex_data", "true");
        if (autoRetry) {
            q.put("with_failed_node_info", "true");
            q.put("with_auto_retry_status", "true");
        }
        q.put(FRESH, nonce());
        return client.data(Endpoints.GET_TASK_STATUS, q, Text.of("errors.api.what.task-status", taskId));
    }

    /** get_tasks_status for at most 50 ids; unknown ids are silently left out by the server. */
    public JsonNode tasksStatus(List<String> taskIds, boolean includeChildren) {
        return tasksStatus(taskIds, includeChildren, false);
    }

    /** {@code fresh}: a read the server's 10 s cache cannot answer (see {@link #FRESH}). */
    public JsonNode tasksStatus(List<String> taskIds, boolean includeChildren, boolean fresh) {
        Map<String, Object> q = new LinkedHashMap<>();
        q.put("task_id_list", taskIds.stream().map(SopsApi::numberIfNumeric).toList());
        q.put("include_children_status", includeChildren);
        if (fresh) {
            q.put(FRESH, nonce());
        }
        return client.data(Endpoints.GET_TASKS_STATUS, q, Text.of("errors.api.what.tasks-status", taskIds.size()));
    }

    /** get_task_detail; the server may answer from its 60 s cache (fine for the pipeline tree, which never changes). */
    public JsonNode taskDetail(String taskId) {
        return client.data(Endpoints.GET_TASK_DETAIL, Map.of("task_id", taskId), Text.of("errors.api.what.show-task", taskId));
    }

    /** get_task_detail as it is now: its times, executor and outputs, not up to 60 s old (see {@link #FRESH}). */
    public JsonNode taskDetailFresh(String taskId) {
        return client.data(Endpoints.GET_TASK_DETAIL, Map.of("task_id", taskId, FRESH, nonce()), Text.of("errors.api.what.show-task", taskId));
    }

    /** query_task_count: ESB and backend only (not a gateway resource). */
    public JsonNode taskCount(String groupBy, Map<String, Object> conditions) {
        Map<String, Object> q = new LinkedHashMap<>();
        q.put("group_by", groupBy);
        if (!conditions.isEmpty()) {
            q.put("conditions", conditions);
        }
        return client.data(Endpoints.QUERY_TASK_COUNT, q, Text.of("errors.api.what.count-tasks", groupBy));
    }

    private static Object numberIfNumeric(String id) {
        return id.matches("\\d{1,18}") ? (Object) Long.parseLong(id) : id;
    }

    // ---- nodes ----

    /** get_task_node_detail; the stack is the SubProcess ids from the root down (empty for a root-level node). */
    public JsonNode nodeDetail(String taskId, String nodeId, List<String> subprocessStack, String componentCode) {
        Map<String, Object> q = new LinkedHashMap<>();
        q.put("task_id", taskId);
        q.put("node_id", nodeId);
        q.put("subprocess_stack", Json.write(subprocessStack));
        if (componentCode != null && !componentCode.isEmpty()) {
            q.put("component_code", componentCode);
        }
        return client.data(Endpoints.GET_TASK_NODE_DETAIL, q, Text.of("errors.api.what.show-node", nodeId, taskId));
    }

    /**
     * operate_node. {@code fields} are the action's own body fields (inputs, flow_id, data); none for most actions.
     * Success bodies carry no data, so nothing is returned.
     */
    public void operateNode(String taskId, String nodeId, String action, Map<String, Object> fields) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("task_id", taskId);
        body.put("node_id", nodeId);
        body.put("action", action);
        body.putAll(fields);
        client.call(Endpoints.OPERATE_NODE, body, Text.of("errors.api.what.node-action", action, nodeId, taskId));
    }

    /** node_callback; {@code version} null = the node's current version. */
    public void nodeCallback(String taskId, String nodeId, JsonNode callbackData, String version) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("task_id", taskId);
        body.put("node_id", nodeId);
        body.put("callback_data", callbackData);
        if (version != null) {
            body.put("version", version);
        }
        client.call(Endpoints.NODE_CALLBACK, body, Text.of("errors.api.what.callback", nodeId, taskId));
    }

    // ---- the operator's console (issue 15) ----

    /**
     * get_task_node_log: the whole body, since {@code data} is the log text and {@code page} sits beside it (bk-sops
     * gcloud/apigw/views/get_task_node_log.py). {@code version} null = the node's current run (bamboo-pipeline
     * eri/runtime.py get_plain_log_for_node reads the node's state version); an unknown version logs nothing.
     * page/page_size only matter with the PaaS3 log source; the default DATABASE source ignores them.
     */
    public JsonNode taskNodeLog(String taskId, String nodeId, String version, Integer page, Integer pageSize) {
        Map<String, Object> q = new LinkedHashMap<>();
        q.put("task_id", taskId);
        q.put("node_id", nodeId);
        if (version != null && !version.isEmpty()) {
            q.put("version", version);
        }
        if (page != null) {
            q.put("page", page);
        }
        if (pageSize != null) {
            q.put("page_size", pageSize);
        }
        return client.call(Endpoints.GET_TASK_NODE_LOG, q, Text.of("errors.api.what.node-log", nodeId, taskId));
    }

    /**
     * get_task_operate_record for the SOPS project {@code projectId} (get_user_project_detail's project_id): the view
     * filters the records by its path segment as given, so the business id would find none. {@code nodeId} null =
     * the whole task's records.
     */
    public JsonNode taskOperateRecord(String taskId, long projectId, String nodeId) {
        Map<String, Object> q = new LinkedHashMap<>();
        q.put("task_id", taskId);
        q.put("project_id", projectId);
        q.put("scope", "project");
        if (nodeId != null && !nodeId.isEmpty()) {
            q.put("node_id", nodeId);
        }
        return client.data(Endpoints.GET_TASK_OPERATE_RECORD, q, Text.of("errors.api.what.task-history", taskId));
    }

    /** get_template_schemes: [{id (the scheme's unique id, "<template>-<name>"), name, data (a JSON string of node ids)}]. */
    public JsonNode templateSchemes(String templateId) {
        return client.data(Endpoints.GET_TEMPLATE_SCHEMES, Map.of("template_id", templateId),
                Text.of("errors.api.what.schemes", templateId));
    }

    /**
     * preview_task_tree: the pipeline a task would get with {@code excludeNodes} (template node ids) left out, and the
     * template's constants it no longer refers to. Project templates only; {@code version} null = the current one.
     */
    public JsonNode previewTaskTree(String templateId, List<String> excludeNodes, String version) {
        Map<String, Object> b = new LinkedHashMap<>();
        b.put("template_id", templateId);
        b.put("exclude_task_nodes_id", excludeNodes);
        if (version != null) {
            b.put("version", version);
        }
        return client.data(Endpoints.PREVIEW_TASK_TREE, b, Text.of("errors.api.what.preview", templateId));
    }

    /**
     * create_and_start_task, with create_task's body. Its view reads template_source as "business" (the default) =
     * a project template and anything else = a common one (bk-sops gcloud/apigw/views/create_and_start_task.py:
     * "if template_source == BUSINESS"), so create_task's "project" would pick the common template of that id: it is
     * sent as "business". It takes exclude_task_nodes_id, not execute_task_nodes_id.
     */
    public JsonNode createAndStartTask(String templateId, Map<String, Object> body) {
        Map<String, Object> q = new LinkedHashMap<>();
        q.put("template_id", templateId);
        q.putAll(body);
        if ("project".equals(q.get("template_source"))) {
            q.put("template_source", "business");
        }
        return client.data(Endpoints.CREATE_AND_START_TASK, q, Text.of("errors.api.what.create-and-start", templateId));
    }

    /**
     * The plan_start_time create_clocked_task documents ("2022-05-16 20:26:40+0800"), always with its offset: the view
     * is login-exempt, so bk-sops's TimezoneMiddleware activates no project zone and a naive time would be read in
     * whatever zone the server's worker has current (gcloud/core/middlewares.py TimezoneMiddleware.process_view).
     */
    public static String planStartTime(java.time.ZonedDateTime at) {
        return java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ssxx").format(at);
    }

    /**
     * create_clocked_task: a project template's task created (and started) at {@code at}. The nodes are chosen by
     * exclude_task_nodes_id: the scheme ids it also takes are scheme primary keys, which no API returns
     * (gcloud/clocked_task/tasks.py: TemplateScheme.objects.in_bulk). The serializer refuses a time in the past.
     */
    public JsonNode createClockedTask(String templateId, String taskName, java.time.ZonedDateTime at,
                                      Map<String, Object> constants, List<String> excludeNodes) {
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("constants", constants);
        params.put("template_schemes_id", List.of());
        if (!excludeNodes.isEmpty()) {
            params.put("exclude_task_nodes_id", excludeNodes);
        }
        Map<String, Object> b = new LinkedHashMap<>();
        b.put("template_id", templateId);
        b.put("task_name", taskName);
        b.put("plan_start_time", planStartTime(at));
        b.put("task_parameters", params);
        return client.data(Endpoints.CREATE_CLOCKED_TASK, b, Text.of("errors.api.what.create-clocked", templateId));
    }

    /** One page of the business's clocked tasks, newest first; the whole body (the total is the top-level count). */
    public JsonNode clockedTaskListPage(Map<String, Object> filters, int limit, int offset) {
        Map<String, Object> q = new LinkedHashMap<>(filters);
        q.put("limit", limit);
        q.put("offset", offset);
        return client.call(Endpoints.GET_CLOCKED_TASK_LIST, q, Text.of("errors.api.what.list-clocked"));
    }

    /** get_plugin_list: every enabled plugin version the project may use. */
    public JsonNode pluginList() {
        return client.data(Endpoints.GET_PLUGIN_LIST, Map.of(), Text.of("errors.api.what.list-plugins"));
    }

    /**
     * claim_functionalization_task: the task leaves func_claim for execute_task but does not start (bk-sops
     * gcloud/taskflow3/models.py task_claim). {@code constants} may only change show-type variables; {@code name}
     * null keeps the name. Returns data, the text "success".
     */
    public JsonNode claimFunctionalizationTask(String taskId, String name, Map<String, Object> constants) {
        Map<String, Object> b = new LinkedHashMap<>();
        b.put("task_id", taskId);
        b.put("constants", constants);
        if (name != null && !name.isEmpty()) {
            b.put("name", name);
        }
        return client.data(Endpoints.CLAIM_FUNCTIONALIZATION_TASK, b, Text.of("errors.api.what.claim", taskId));
    }

    /**
     * One page of functional tasks; the whole body (top-level count). The view has no project in its path: pass
     * {@code project_id} (a SOPS project id) in {@code filters} or get every project's.
     */
    public JsonNode functionalizationTaskListPage(Map<String, Object> filters, int limit, int offset) {
        Map<String, Object> q = new LinkedHashMap<>(filters);
        q.put("limit", limit);
        q.put("offset", offset);
        return client.call(Endpoints.GET_FUNCTIONALIZATION_TASK_LIST, q, Text.of("errors.api.what.list-functional"));
    }

    // ---- periodic tasks ----

    public JsonNode periodicTaskList() {
        return client.data(Endpoints.GET_PERIODIC_TASK_LIST, Map.of(), Text.of("errors.api.what.list-periodic"));
    }

    /** One periodic task with its form (shown constants) and pipeline_tree snapshot. */
    public JsonNode periodicTaskInfo(String periodicId) {
        return client.data(Endpoints.GET_PERIODIC_TASK_INFO, Map.of("task_id", periodicId), Text.of("errors.api.what.show-periodic", periodicId));
    }

    /**
     * The body create_periodic_task takes; {@code cron} is the API's object (a string is refused), the task is
     * created disabled.
     */
    public static Map<String, Object> periodicCreateBody(String name, Map<String, String> cron, boolean common,
                                                         Map<String, Object> constants, java.util.List<String> excludeNodes) {
        Map<String, Object> b = new LinkedHashMap<>();
        b.put("name", name);
        b.put("cron", cron);
        b.put("template_source", common ? "common" : "project");
        if (!constants.isEmpty()) {
            b.put("constants", constants);
        }
        if (!excludeNodes.isEmpty()) {
            b.put("exclude_task_nodes_id", excludeNodes);
        }
        return b;
    }

    public JsonNode createPeriodicTask(String templateId, Map<String, Object> body) {
        Map<String, Object> p = new LinkedHashMap<>(body);
        p.put("template_id", templateId);
        return client.data(Endpoints.CREATE_PERIODIC_TASK, p, Text.of("errors.api.what.create-periodic", templateId));
    }

    public JsonNode setPeriodicTaskEnabled(String periodicId, boolean enabled) {
        return client.data(Endpoints.SET_PERIODIC_TASK_ENABLED, Map.of("task_id", periodicId, "enabled", enabled),
                Text.of(enabled ? "errors.api.what.enable-periodic" : "errors.api.what.disable-periodic", periodicId));
    }

    /** Returns {cron: "<the server's string>"}. */
    public JsonNode modifyPeriodicCron(String periodicId, Map<String, String> cron) {
        return client.data(Endpoints.MODIFY_CRON_FOR_PERIODIC_TASK, Map.of("task_id", periodicId, "cron", cron),
                Text.of("errors.api.what.periodic-cron", periodicId));
    }

    /** Returns the full constants after the change; the server ignores unknown keys silently. */
    public JsonNode modifyPeriodicConstants(String periodicId, Map<String, Object> constants) {
        return client.data(Endpoints.MODIFY_CONSTANTS_FOR_PERIODIC_TASK, Map.of("task_id", periodicId, "constants", constants),
                Text.of("errors.api.what.periodic-constants", periodicId));
    }
}
