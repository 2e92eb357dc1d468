package bkops.model.job;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Job instance a SOPS node ran, read from the node's outputs so that a node view can point at it. Outputs come as a
 * list of {key, value} (get_task_node_detail, get_task_node_data) or as an object. The bk-sops Job plugins write it
 * under one of two keys (pipeline_plugins/components/collections/sites/open/job/):
 * <ul>
 *   <li>{@code job_inst_id}, one id: job_execute_task, job_fast_execute_script, job_fast_push_file before v2.0,
 *       all_biz_execute_job_plan, all_biz_job_fast_execute_script, job_local_content_upload, job_push_local_files 1.0.0;
 *   <li>{@code job_instance_id_list}, a list: job_fast_push_file v2.0 and later ("data.outputs.job_instance_id_list
 *       = job_instance_id_list", one fast_transfer_file per source and target group), all_biz_job_fast_push_file,
 *       job_push_local_files v2.
 * </ul>
 */
public record JobLink(long jobInstanceId) {

    /** The component codes of the bk-sops plugins that start Job instances and write one of the two keys. */
    public static final Set<String> COMPONENTS = Set.of("job_execute_task", "job_fast_execute_script",
            "job_fast_push_file", "all_biz_execute_job_plan", "all_biz_job_fast_execute_script",
            "all_biz_job_fast_push_file", "job_local_content_upload", "job_push_local_files");

    private static final Pattern ID = Pattern.compile("\\d{1,18}");

    /** The first Job instance the outputs name, if any. */
    public static Optional<JobLink> fromNodeOutputs(JsonNode outputs) {
        return allFromNodeOutputs(outputs).stream().findFirst();
    }

    /** Every Job instance the outputs name, in their order (an output not yet written is "" and names none). */
    public static List<JobLink> allFromNodeOutputs(JsonNode outputs) {
        List<JobLink> links = new ArrayList<>();
        for (String key : List.of("job_inst_id", "job_instance_id_list")) {
            JsonNode value = null;
            if (outputs.isArray()) {
                for (JsonNode o : outputs) {
                    if (key.equals(o.path("key").asText())) {
                        value = o.get("value");
                    }
                }
            } else {
                value = outputs.get(key);
            }
            add(value, links);
        }
        return links;
    }

    private static void add(JsonNode value, List<JobLink> links) {
        if (value == null || value.isNull()) {
            return;
        }
        if (value.isArray()) {
            value.forEach(v -> add(v, links));
            return;
        }
        // a number, a number as a string, or a list that came through as its text ("[20001, 20002]")
        Matcher m = ID.matcher(value.asText());
        while (m.find()) {
            long id = Long.parseLong(m.group());
            if (id > 0 && !links.contains(new JobLink(id))) {
                links.add(new JobLink(id));
            }
        }
    }

    /** The command that shows the instance's steps. */
    public String statusCommand() {
        return "bkops job status " + jobInstanceId;
    }
}
