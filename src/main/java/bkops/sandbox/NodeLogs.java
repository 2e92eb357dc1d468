package bkops.sandbox;

import bkops.sandbox.TaskIndex.Kind;
import bkops.sandbox.TaskIndex.NodeDef;
import bkops.sandbox.World.NodeRun;
import bkops.sandbox.World.Task;

import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * get_task_node_log, with the DATABASE log source every default bk-sops uses (env.py NODE_LOG_DATA_SOURCE). The
 * sandbox keeps no log lines: it writes, from what a node's run did, the lines its plugin and the engine would have
 * logged, one per logging call, in bk-sops's "engine" format "[%(asctime)s][%(levelname)s] %(message)s"
 * (config/default.py logging_addition_settings). Only activities log here.
 */
final class NodeLogs {
    private static final DateTimeFormatter ASCTIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss,SSS").withZone(Call.ZONE);
    private static final DateTimeFormatter ENGINE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss Z");
    private static final DateTimeFormatter PY_DATETIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSSSSSxxx");

    private NodeLogs() {}

    /**
     * bk-sops gcloud/apigw/views/get_task_node_log.py, a DRF view: errors are {"result": false, "message", "code"} with
     * no data (gcloud/apigw/log_auth.py validate_task_node: node_id required 3540000, a node the task does not have
     * 3540400); success is {"result": true, "message": "success", "data": <text>, "page": {}}, without code.
     * page and page_size go to the log source, which the DATABASE source ignores.
     */
    static Map<String, Object> view(Call c) {
        Task t = FunctionTasks.iamTask(c);
        String nodeId = c.str("node_id");
        if (nodeId == null || nodeId.isEmpty()) {
            return drf(Json.obj("result", false, "message", "[API] get_task_node_log node_id is required", "code", 3540000));
        }
        // TaskFlowInstance.has_node: the pipeline's node_id_set (events, gateways, activities, nested ones too)
        NodeDef d = t.index().node(nodeId);
        if (d == null) {
            return drf(Json.obj("result", false, "message", "[API] get_task_node_log task[id=" + t.id + "] does not have node["
                    + nodeId + "]", "code", 3540400));
        }
        String text = text(t, d, c.str("version"));
        return drf(Json.obj("result", true, "message", "success", "data", text, "page", new LinkedHashMap<>()));
    }

    /** A DRF Response body: the sandbox adds no trace_id to it (return_json_response is not on these views). */
    private static Map<String, Object> drf(Map<String, Object> body) {
        body.put(Call.NO_TRACE_ID, true);
        return body;
    }

    /**
     * bamboo-pipeline pipeline/eri/runtime.py get_plain_log_for_node: no version = the node's current state's version;
     * no state (the node never ran) = ""; the entries of that version joined by "\n"; an unknown version has none.
     */
    static String text(Task t, NodeDef d, String version) {
        NodeRun r = t.runs.get(d.id());
        if (r == null || d.kind() != Kind.ACTIVITY) return "";
        if (version == null || version.isEmpty() || version.equals(r.version)) {
            return String.join("\n", lines(t, d, r.inputs, r.outputs, r.exData, r.state, r.start, r.finish, r.jobInstanceId));
        }
        for (Map<String, Object> h : r.histories) {
            if (!version.equals(h.get("version"))) continue;
            Map<String, Object> outputs = Json.map(h.getOrDefault("outputs", Map.of()));
            Object inst = outputs.get("job_inst_id");
            return String.join("\n", lines(t, d, Json.map(h.getOrDefault("inputs", Map.of())), outputs, Json.str(h.get("ex_data")),
                    Json.str(h.get("state")), millis(h.get("start_time")), millis(h.get("finish_time")), Json.asLong(inst)));
        }
        return "";
    }

    private static Long millis(Object engineTime) {
        return engineTime == null ? null : ZonedDateTime.parse(String.valueOf(engineTime), ENGINE_TIME).toInstant().toEpochMilli();
    }

    private static List<String> lines(Task t, NodeDef d, Map<String, Object> inputs, Map<String, Object> outputs, String exData,
                                      String state, long start, Long finish, Long jobInstance) {
        List<String> out = new ArrayList<>();
        String root = t.index().rootId;
        // bamboo_engine/handlers/service_activity.py execute
        out.add(line(start, "INFO", "root_pipeline[" + root + "] node(" + d.id() + ") activity execute data: "
                + Py.repr(Json.obj("inputs", inputs, "outputs", Map.of())) + ", root inputs: {}"));
        String code = Engine.componentCode(d);
        switch (code) {
            case "sleep_timer" -> {
                // pipeline_plugins/components/collections/controller.py SleepTimerService: plugin_execute, plugin_schedule
                Long seconds = Json.asLong(inputs.get("bk_timing"));
                String eta = PY_DATETIME.format(Instant.ofEpochMilli(start + 1000L * (seconds == null ? 0 : seconds)).atZone(Call.ZONE));
                out.add(line(start, "INFO", "planning time: " + eta));
                out.add(line(start, "INFO", "wake time: " + eta));
            }
            // collections/http/v1_0.py HttpRequestService.plugin_execute
            case "bk_http_request" -> out.add(line(start, "INFO", "send " + inputs.get("bk_http_request_method") + " request to "
                    + inputs.get("bk_http_request_url")));
            default -> {
                if (jobInstance != null) {
                    // sites/open/job/*: "job_result: {result}, job_kwargs: {kwargs}" once the Job API answered
                    out.add(line(start, "INFO", "job_result: " + Py.repr(Json.obj("result", true, "code", 0, "message", "success",
                            "data", Json.obj("job_instance_id", jobInstance, "job_instance_name", d.name())))
                            + ", job_kwargs: " + Py.repr(Json.obj("bk_scope_type", "biz", "bk_scope_id", String.valueOf(SandboxCredentials.BIZ_ID),
                            "bk_biz_id", SandboxCredentials.BIZ_ID))));
                }
            }
        }
        if (finish != null && "FINISHED".equals(state) && !outputs.isEmpty()) {
            // service_activity.py schedule, for the plugins that wait (timers, callbacks, Job)
            if (code.equals("sleep_timer") || code.equals("pause_node") || code.equals("bk_approve") || jobInstance != null) {
                out.add(line(finish, "INFO", "root_pipeline[" + root + "] node(" + d.id() + ") activity schedule data: "
                        + Py.repr(Json.obj("inputs", inputs, "outputs", outputs)) + ", root inputs: {}"));
            }
        }
        if (finish != null && exData != null && !exData.isEmpty()) out.add(line(finish, "ERROR", exData));
        return out;
    }

    private static String line(long at, String level, String message) {
        return "[" + ASCTIME.format(Instant.ofEpochMilli(at)) + "][" + level + "] " + message;
    }
}
