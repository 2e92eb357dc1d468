package bkops.ops;

import bkops.model.PipelineTree;
import bkops.model.TaskStatus;

import java.util.List;
import java.util.Map;

/**
 * One task as read at one moment: its status and, when known, its pipeline tree (needed to tell a node waiting for a
 * callback from one that is merely running, and to name nodes). {@code status} is null when the server did not know
 * the id. {@code confirmations}: running Job nodes whose Job instance waits for a person, by node id.
 * {@code server}: what the server said beyond the status tree, as far as it was asked.
 */
public record TaskSnapshot(String taskId, String name, TaskStatus status, PipelineTree tree,
                           Map<String, JobConfirmation> confirmations, Server server) {

    /**
     * A Job instance, started by a node, waiting for a person (WAITING_USER) at a step: a manual confirmation, or a
     * script or file step between rolling batches (the API does not say which but by the step's type).
     */
    public record JobConfirmation(long jobInstanceId, long stepInstanceId, String stepName,
                                  bkops.model.job.StepType stepType) {

        public String reason() {
            return reasonText().english();
        }

        /** {@link #reason()} to be said in the run's language. */
        public bkops.i18n.Text reasonText() {
            return bkops.i18n.Text.of(stepType == bkops.model.job.StepType.CONFIRM ? "errors.ops.verdict.job-confirm"
                    : "errors.ops.verdict.job-batch", jobInstanceId, stepInstanceId, stepName);
        }

        /** confirm for a confirmation, rolling-continue for a rolling step (bk-job StepOperationEnum 6 / 13). */
        public String command() {
            return "bkops step operate --job " + jobInstanceId + " --step " + stepInstanceId + " --op "
                    + bkops.model.job.StepOperation.toContinue(stepType).cliName();
        }
    }

    /**
     * What the read told beyond the tree. {@code currentFlow} and {@code url}: get_tasks_status's (null when not read;
     * "func_claim" for a functional task nobody has claimed yet). {@code autoRetrying}: failed nodes the server will
     * retry by itself (get_task_status with_auto_retry_status; empty when not asked).
     */
    public record Server(String currentFlow, String url, List<AutoRetry> autoRetrying) {
        public static final Server UNKNOWN = new Server(null, null, List.of());

        public Server {
            autoRetrying = List.copyOf(autoRetrying);
        }

        /** A functional task (flow_type common_func) waiting to be claimed: starting it does nothing until then. */
        public boolean awaitsClaim() {
            return "func_claim".equals(currentFlow);
        }

        /** Where a person claims it (see CreatedTask#claimUrl); create_task returns no claim URL. */
        public String claimUrl() {
            return url == null ? null : new bkops.model.CreatedTask("", url).claimUrl();
        }
    }

    /** A failed node the server retries by itself: retried {@code done} of at most {@code max} times so far. */
    public record AutoRetry(String nodeId, int done, int max) {
    }

    public TaskSnapshot(String taskId, String name, TaskStatus status, PipelineTree tree,
                        Map<String, JobConfirmation> confirmations) {
        this(taskId, name, status, tree, confirmations, Server.UNKNOWN);
    }

    public TaskSnapshot(String taskId, String name, TaskStatus status, PipelineTree tree) {
        this(taskId, name, status, tree, Map.of());
    }

    public static TaskSnapshot missing(String taskId) {
        return new TaskSnapshot(taskId, "", null, null);
    }

    /** The same snapshot with what the server said beyond the tree. */
    public TaskSnapshot with(Server s) {
        return new TaskSnapshot(taskId, name, status, tree, confirmations, s);
    }
}
