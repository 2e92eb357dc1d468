package bkops.api;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.List;
import java.util.Map;

/**
 * The least a successful answer must look like before bkops uses it: the type of {@code data} and of the few fields
 * bkops relies on, per endpoint. Not a schema: anything else may vary between versions. Without this a status that
 * is a string reads as a PENDING task (exit 0) and a wait polls it until its deadline.
 * Shapes follow the real views (bk-sops gcloud/apigw/views/*.py, gcloud/taskflow3/domains/dispatchers/task.py; bk-job
 * job-execute/api-job-execute/.../model/esb/v3/*) and the documented examples (src/test/resources/fixtures).
 */
final class Shapes {
    private Shapes() {}

    /**
     * A rule: {@code data} is an object, a list of objects when {@code list}, or a string when {@code text}; each
     * field is "path:type" ("?" after the path: may be absent or null). Types: object, list, text, id (a whole number,
     * or a string of digits).
     */
    private record Rule(boolean list, List<String> fields, boolean text) {}

    private static Rule object(String... fields) {
        return new Rule(false, List.of(fields), false);
    }

    private static Rule listOf(String... fields) {
        return new Rule(true, List.of(fields), false);
    }

    /** {@code data} is a string (possibly empty). */
    private static Rule text() {
        return new Rule(false, List.of(), true);
    }

    private static final Map<String, Rule> RULES = Map.ofEntries(
            // bk-sops gcloud/taskflow3/domains/dispatchers/task.py get_task_status_v2: a status tree, CREATED_STATUS or
            // {"state": "EXPIRED"}, so state is always there
            Map.entry("get_task_status", object("state:text", "children?:object")),
            // bk-sops gcloud/apigw/views/get_tasks_status.py: [{"id", "name", "status": <the same tree>, ...}]
            Map.entry("get_tasks_status", listOf("id:id", "status:object", "status.state:text")),
            Map.entry("get_task_list", listOf("id:id")),
            Map.entry("get_template_list", listOf("id:id")),
            Map.entry("get_common_template_list", listOf("id:id")),
            Map.entry("get_periodic_task_list", listOf("id:id")),
            // bk-sops gcloud/apigw/views/get_template_schemes.py: {"id": s.unique_id, "name": s.name, "data": s.data},
            // data being the scheme's node ids as a JSON string
            Map.entry("get_template_schemes", listOf("id:text", "name:text", "data:text")),
            // bk-sops gcloud/apigw/views/get_template_info.py: pipeline_tree is a YAML string only with format=yaml,
            // which bkops never asks for
            Map.entry("get_template_info", object("pipeline_tree?:object")),
            Map.entry("get_task_detail", object("pipeline_tree?:object")),
            Map.entry("get_task_node_detail", object()),
            Map.entry("get_periodic_task_info", object()),
            Map.entry("get_user_project_detail", object()),
            Map.entry("query_task_count", object()),
            // bk-sops pipeline_web/preview.py preview_template_tree
            Map.entry("preview_task_tree", object("pipeline_tree:object", "constants_not_referred:object")),
            // bk-sops gcloud/apigw/views/get_task_node_log.py: data = the log text ("" when the node never ran)
            Map.entry("get_task_node_log", text()),
            // gcloud/contrib/operate_record/apis/drf/serilaziers/operate_record.py TaskOperateRecordSetSerializer
            Map.entry("get_task_operate_record", listOf("operator:text", "operate_type:text", "operate_date:text")),
            Map.entry("create_and_start_task", object("task_id:id")),
            // gcloud/clocked_task/serializer.py ClockedTaskSerializer (clocked_task_id popped by the create view)
            Map.entry("create_clocked_task", object("id:id", "plan_start_time:text")),
            Map.entry("get_clocked_task_list", listOf("id:id", "plan_start_time:text")),
            // gcloud/apigw/views/get_plugin_list.py
            Map.entry("get_plugin_list", listOf("code:text")),
            // gcloud/apigw/views/claim_functionalization_task.py: data = result["message"], "success"
            Map.entry("claim_functionalization_task", text()),
            // gcloud/apigw/views/utils.py format_function_task_list_data
            Map.entry("get_functionalization_task_list", listOf("id:id", "status:text", "task:object", "task.id:id")),
            Map.entry("create_task", object("task_id:id")),
            Map.entry("create_periodic_task", object("id:id")),
            Map.entry("modify_cron_for_periodic_task", object()),
            Map.entry("modify_constants_for_periodic_task", object()),
            // bk-job api-job-execute/.../esb/v3/EsbJobInstanceStatusV3DTO: job_instance and step_instance_list
            Map.entry("get_job_instance_status", object("job_instance:object", "step_instance_list?:list")),
            Map.entry("get_step_instance_status", object()),
            Map.entry("get_job_instance_ip_log", object()),
            Map.entry("batch_get_job_instance_ip_log", object()));

    /** Throws when the decoded body of a successful call lacks the shape bkops relies on. */
    static void check(Endpoint e, Transport.RawResponse r, JsonNode body, bkops.i18n.Text what) {
        Rule rule = RULES.get(e.name());
        if (rule == null) {
            return;
        }
        String problem = problem(rule, body.get("data"));
        if (problem == null) {
            return;
        }
        // the problem names fields and JSON types: said as it is in every language
        bkops.i18n.Text msg = Envelope.call(what, bkops.i18n.Text.of(e.readOnly() ? "errors.api.bad-shape"
                : "errors.api.bad-shape.applied", problem));
        throw new ApiException(ApiException.Kind.TRANSPORT, e.name(), r.status(), null, null,
                Envelope.requestId(r, body), msg, null);
    }

    private static String problem(Rule rule, JsonNode data) {
        if (rule.text()) {
            return data != null && data.isTextual() ? null : wrong("data", data, "text");
        }
        if (!rule.list()) {
            return data != null && data.isObject() ? fields(rule.fields(), data, "data") : wrong("data", data, "object");
        }
        if (data == null || !data.isArray()) {
            return wrong("data", data, "list");
        }
        for (int i = 0; i < data.size(); i++) {
            String at = "data[" + i + "]";
            String p = data.get(i).isObject() ? fields(rule.fields(), data.get(i), at) : wrong(at, data.get(i), "object");
            if (p != null) {
                return p;
            }
        }
        return null;
    }

    private static String fields(List<String> specs, JsonNode node, String at) {
        for (String spec : specs) {
            int colon = spec.indexOf(':');
            String path = spec.substring(0, colon);
            boolean optional = path.endsWith("?");
            path = optional ? path.substring(0, path.length() - 1) : path;
            String type = spec.substring(colon + 1);
            JsonNode v = node;
            for (String step : path.split("\\.")) {
                v = v == null ? null : v.get(step);
            }
            if (optional && (v == null || v.isNull())) {
                continue;
            }
            if (!is(v, type)) {
                return wrong(at + "." + path, v, type);
            }
        }
        return null;
    }

    private static boolean is(JsonNode v, String type) {
        if (v == null) {
            return false;
        }
        return switch (type) {
            case "object" -> v.isObject();
            case "list" -> v.isArray();
            case "text" -> v.isTextual();
            // every id bkops reads here is a Django AutoField (bk-sops gcloud/taskflow3/models.py TaskFlowInstance, ...):
            // a whole number, sometimes sent as a string. Anything else would reach shells through -o id and completion.
            case "id" -> v.isIntegralNumber() && v.asLong() >= 0 || v.isTextual() && v.asText().matches("[0-9]{1,19}");
            default -> throw new IllegalArgumentException(type);
        };
    }

    private static String wrong(String at, JsonNode v, String expected) {
        String expectedText = switch (expected) {
            case "object" -> "an object";
            case "list" -> "a list";
            case "text" -> "a string";
            default -> "an id";
        };
        return at + " is " + kind(v) + ", expected " + expectedText;
    }

    private static String kind(JsonNode v) {
        if (v == null || v.isMissingNode()) return "missing";
        if (v.isNull()) return "null";
        if (v.isObject()) return "an object";
        if (v.isArray()) return "a list";
        if (v.isTextual()) return v.asText().isBlank() ? "an empty string" : "a string";
        if (v.isBoolean()) return "true/false";
        return "a number";
    }
}
