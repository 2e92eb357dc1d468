package bkops.model;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;

/**
 * One line of a task's history (get_task_operate_record; bk-sops gcloud/contrib/operate_record). {@code type} is the
 * operation (create, start, pause, resume, revoke; for nodes retry, skip, callback, skip_exg, pause, resume,
 * pause_subproc, resume_subproc, forced_fail...), {@code typeName} its display name; {@code source} "api", "app" (the
 * web console) or "parent"; {@code nodeId} "" for task operations. {@code date} is ISO-8601 with the server's offset
 * (DRF DateTimeField). Records are written only for calls that succeeded (operate_record/decorators.py).
 */
public record OperateRecord(long instanceId, long projectId, String operator, String type, String typeName,
                            String source, String sourceName, String date, String nodeId) {

    public static List<OperateRecord> parseList(JsonNode data) {
        List<OperateRecord> out = new ArrayList<>();
        for (JsonNode r : data) {
            out.add(new OperateRecord(Json.number(r, "instance_id"), Json.number(r, "project_id"), Json.text(r, "operator"),
                    Json.text(r, "operate_type"), Json.text(r, "operate_type_name"), Json.text(r, "operate_source"),
                    Json.text(r, "operate_source_name"), Json.text(r, "operate_date"), Json.text(r, "node_id")));
        }
        return out;
    }

    public boolean onNode() {
        return !nodeId.isEmpty();
    }
}
