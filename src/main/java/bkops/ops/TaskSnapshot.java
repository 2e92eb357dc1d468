package bkops.ops;

import bkops.model.PipelineTree;
import bkops.model.TaskStatus;

/**
 * One task as read at one moment: its status and, when known, its pipeline tree (needed to tell a node waiting for a
 * callback from one that is merely running, and to name nodes). {@code status} is null when the server did not know
 * the id.
 */
public record TaskSnapshot(String taskId, String name, TaskStatus status, PipelineTree tree) {

    public static TaskSnapshot missing(String taskId) {
        return new TaskSnapshot(taskId, "", null, null);
    }
}
