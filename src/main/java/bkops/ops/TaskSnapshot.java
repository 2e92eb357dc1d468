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

    /** A Job instance, started by a node, waiting at a manual-confirmation step. */
    public record JobConfirmation(long jobInstanceId, long stepInstanceId, String stepName) {
    }

    public TaskSnapshot(String taskId, String name, TaskStatus status, PipelineTree tree) {
        this(taskId, name, status, tree, Map.of());
    }

    public static TaskSnapshot missing(String taskId) {
        return new TaskSnapshot(taskId, "", null, null);
    }
}
