package bkops.api;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.LinkedHashMap;
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

    // ---- periodic tasks ----

    public JsonNode periodicTaskList() {
        return client.data(Endpoints.GET_PERIODIC_TASK_LIST, Map.of(), "list periodic tasks");
    }
}
