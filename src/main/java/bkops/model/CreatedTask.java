package bkops.model;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * What create_task answers: the new task's id and its page ({@code task_url}); bk-sops gcloud/apigw/views/create_task.py
 * returns {"task_id", "task_url", "pipeline_tree"}.
 */
public record CreatedTask(String id, String url) {
    public static CreatedTask parse(JsonNode data) {
        return new CreatedTask(Json.text(data, "task_id"), Json.text(data, "task_url"));
    }

    /**
     * Where a person claims a functional task: the task's page under /function/ (bk-sops
     * frontend/desktop/src/routers/index.js, route functionTaskExecute 'function/execute/:project_id/').
     */
    public String claimUrl() {
        return url.replace("/taskflow/execute/", "/function/execute/");
    }
}
