package bkops.ops.node;

import bkops.api.JobApi;
import bkops.api.SopsApi;
import bkops.model.PipelineTree.Node;
import bkops.model.job.JobInstance;
import bkops.model.job.JobLink;

import java.util.ArrayList;
import java.util.List;

/**
 * The Job instances a node of a task started, with their steps: read from the node's outputs (get_task_node_detail,
 * JobLink: job_inst_id or job_instance_id_list), then each instance (get_job_instance_status). Only for the plugins
 * that start Job instances (JobLink.COMPONENTS); the DATABASE node log shows only the plugin's "job_result" line.
 *
 * @param instances in the order of {@code ids}; null where the instance could not be read (no Job URL, no permission,
 *                  an instance of a business set)
 */
public record NodeJobs(List<Long> ids, List<JobInstance> instances) {
    public static final NodeJobs NONE = new NodeJobs(List.of(), List.of());

    public static NodeJobs read(SopsApi sops, JobApi job, TaskNodes nodes, Node node) {
        if (node.component() == null || !JobLink.COMPONENTS.contains(node.component().code())) {
            return NONE;
        }
        var detail = sops.nodeDetail(nodes.taskId(), node.id(), nodes.tree().subprocessStack(node.id()),
                node.component().code());
        List<Long> ids = new ArrayList<>();
        List<JobInstance> instances = new ArrayList<>();
        for (JobLink link : JobLink.allFromNodeOutputs(detail.path("outputs"))) {
            ids.add(link.jobInstanceId());
            JobInstance instance;
            try {
                instance = JobInstance.parse(job.jobInstanceStatus(link.jobInstanceId(), false));
            } catch (RuntimeException unreadable) {
                instance = null; // no Job URL, no permission...: the id alone still tells where to look
            }
            instances.add(instance);
        }
        return new NodeJobs(List.copyOf(ids), java.util.Collections.unmodifiableList(instances));
    }
}
