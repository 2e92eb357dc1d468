package bkops.model.job;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.Optional;

/**
 * The Job instance a SOPS node ran, read from the node's outputs (key {@code job_inst_id}), so that a node view can
 * point at it. Outputs come as a list of {key, value} (get_task_node_detail, get_task_node_data) or as an object.
 */
public record JobLink(long jobInstanceId) {

    public static Optional<JobLink> fromNodeOutputs(JsonNode outputs) {
        JsonNode value = null;
        if (outputs.isArray()) {
            for (JsonNode o : outputs) {
                if ("job_inst_id".equals(o.path("key").asText())) {
                    value = o.get("value");
                }
            }
        } else {
            value = outputs.get("job_inst_id");
        }
        long id = value == null ? 0 : value.asLong(0);
        return id > 0 ? Optional.of(new JobLink(id)) : Optional.empty();
    }

    /** The command that shows the instance's steps. */
    public String statusCommand() {
        return "bkops job status " + jobInstanceId;
    }
}
