package bkops.api;

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
            return client.data(Endpoints.GET_COMMON_TEMPLATE_LIST, Map.of(), "list common templates");
        }
        Map<String, Object> q = new LinkedHashMap<>();
        if (nameKeyword != null) {
            q.put("name_keyword", nameKeyword);
        }
        return client.data(Endpoints.GET_TEMPLATE_LIST, q, "list templates");
    }

    public JsonNode templateInfo(String templateId, boolean common, boolean unfoldSubprocess) {
        Map<String, Object> q = new LinkedHashMap<>();
        q.put("template_id", templateId);
        q.put("template_source", common ? "common" : "project");
        q.put("include_constants", "true");
        if (unfoldSubprocess) {
            q.put("unfold_subprocess", "true");
        }
        return client.data(Endpoints.GET_TEMPLATE_INFO, q, "show template " + templateId);
    }

    /** The business's project; cheap, and it proves the credentials and the business id. */
    public JsonNode projectDetail() {
        return client.data(Endpoints.GET_USER_PROJECT_DETAIL, Map.of(), "read the project of the business");
    }

    // ---- tasks ----

    /** One page of tasks, newest first; the whole body, since the total is the top-level {@code count}. */
    public JsonNode taskListPage(Map<String, Object> filters, int limit, int offset) {
        Map<String, Object> q = new LinkedHashMap<>(filters);
        q.put("limit", limit);
        q.put("offset", offset);
        return client.call(Endpoints.GET_TASK_LIST, q, "list tasks");
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
        return client.data(Endpoints.GET_TASK_NODE_DETAIL, q, "show node " + nodeId + " of task " + taskId);
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
        client.call(Endpoints.OPERATE_NODE, body, action + " node " + nodeId + " of task " + taskId);
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
        client.call(Endpoints.NODE_CALLBACK, body, "call back node " + nodeId + " of task " + taskId);
    }

    // ---- periodic tasks ----

    public JsonNode periodicTaskList() {
        return client.data(Endpoints.GET_PERIODIC_TASK_LIST, Map.of(), "list periodic tasks");
    }
}
