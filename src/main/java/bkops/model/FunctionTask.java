package bkops.model;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;

/**
 * A functional task's claim ticket (get_functionalization_task_list; bk-sops gcloud/contrib/function/models.py
 * FunctionTask): {@code id} is the ticket's own id, {@code taskId} the task's. {@code status}: submitted (waiting to be
 * claimed), claimed, rejected, executed (its task started) or finished. Times are ISO-8601 in UTC unless the request
 * gave expected_timezone (gcloud/apigw/views/utils.py format_function_task_list_data).
 */
public record FunctionTask(long id, String name, String status, String creator, String claimant, String createTime,
                           String claimTime, long taskId, boolean taskStarted, boolean taskFinished, long projectId) {

    public static List<FunctionTask> parseList(JsonNode data) {
        List<FunctionTask> out = new ArrayList<>();
        for (JsonNode f : data) {
            JsonNode t = f.path("task");
            out.add(new FunctionTask(Json.number(f, "id"), Json.text(f, "name"), Json.text(f, "status"),
                    Json.text(f, "creator"), Json.text(f, "claimant"), Json.text(f, "create_time"),
                    Json.text(f, "claim_time"), Json.number(t, "id"), Json.bool(t, false, "is_started"),
                    Json.bool(t, false, "is_finished"), Json.number(t, "project_id")));
        }
        return out;
    }

    /** Waiting for someone to claim it: the task does nothing until then. */
    public boolean waiting() {
        return "submitted".equals(status);
    }
}
