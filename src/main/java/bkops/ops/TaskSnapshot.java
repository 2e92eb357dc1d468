package bkops.ops;

import bkops.model.PipelineTree;
import bkops.model.TaskStatus;

import java.util.Map;

/**
 * One task as read at one moment: its status and, when known, its pipeline tree (needed to tell a node waiting for a
 * callback from one that is merely running, and to name nodes). {@code status} is null when the server did not know
 * the id. {@code confirmations}: running Job nodes whose Job instance waits for a person, by node id.
 */
public record TaskSnapshot(String taskId, String name, TaskStatus status, PipelineTree tree,
                           Map<String, JobConfirmation> confirmations) {

    /**
     * A Job instance, started by a node, waiting for a person (WAITING_USER) at a step: a manual confirmation, or a
     * script or file step between rolling batches (the API does not say which but by the step's type).
     */
    public record JobConfirmation(long jobInstanceId, long stepInstanceId, String stepName,
                                  bkops.model.job.StepType stepType) {

        public String reason() {
            return "Job instance " + jobInstanceId + (stepType == bkops.model.job.StepType.CONFIRM
                    ? " waits for a confirmation" : " waits to start its next rolling batch")
                    + " at step " + stepInstanceId + " " + stepName;
        }

        /** confirm for a confirmation, rolling-continue for a rolling step (bk-job StepOperationEnum 6 / 13). */
        public String command() {
            return "bkops step operate --job " + jobInstanceId + " --step " + stepInstanceId + " --op "
                    + bkops.model.job.StepOperation.toContinue(stepType).cliName();
        }
    }

    public TaskSnapshot(String taskId, String name, TaskStatus status, PipelineTree tree) {
        this(taskId, name, status, tree, Map.of());
    }

    public static TaskSnapshot missing(String taskId) {
        return new TaskSnapshot(taskId, "", null, null);
    }
}
