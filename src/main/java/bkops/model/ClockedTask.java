package bkops.model;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;

/**
 * A clocked task (create_clocked_task, get_clocked_task_list; bk-sops gcloud/clocked_task/serializer.py
 * ClockedTaskSerializer). {@code planStartTime} as the server formats it, "%Y-%m-%d %H:%M:%S%z" in its zone
 * ("2026-11-25 18:30:00+0800"). {@code state}: not_started, started (it created task {@code taskId}) or
 * start_failed (gcloud/constants.py CLOCKED_TASK_STATE). {@code taskParameters}: constants and the node choice.
 */
public record ClockedTask(long id, String taskName, long templateId, String templateName, String templateSource,
                          String planStartTime, String state, Long taskId, String creator, String createTime,
                          JsonNode taskParameters) {

    public static ClockedTask parse(JsonNode c) {
        JsonNode task = c.get("task_id");
        return new ClockedTask(Json.number(c, "id"), Json.text(c, "task_name"), Json.number(c, "template_id"),
                Json.text(c, "template_name"), Json.text(c, "template_source"), Json.text(c, "plan_start_time"),
                Json.text(c, "state"), task == null || task.isNull() ? null : task.asLong(), Json.text(c, "creator"),
                Json.text(c, "create_time"), c.path("task_parameters"));
    }

    public static List<ClockedTask> parseList(JsonNode data) {
        List<ClockedTask> out = new ArrayList<>();
        data.forEach(c -> out.add(parse(c)));
        return out;
    }
}
