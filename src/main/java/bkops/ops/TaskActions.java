package bkops.ops;

import bkops.api.ApiException;
import bkops.api.InDoubtException;
import bkops.api.SopsApi;
import bkops.model.State;
import bkops.model.TaskStatus;

import java.util.Set;

/**
 * Start, pause, resume and revoke, each sent once. When the reply is lost (the request may or may not have been
 * applied) nothing is re-sent: the task's status is read back and decides whether the action took effect.
 */
public final class TaskActions {
    public static final Set<String> ACTIONS = Set.of("start", "pause", "resume", "revoke");

    private final SopsApi api;

    public TaskActions(SopsApi api) {
        this.api = api;
    }

    /** What happened: the action was applied; {@code state} is known only when read back after a lost reply. */
    public record Done(String taskId, String action, boolean readBack, State state) {
    }

    public Done apply(String taskId, String action) {
        if (!ACTIONS.contains(action)) {
            throw new IllegalArgumentException("unknown task action " + action);
        }
        try {
            if (action.equals("start")) {
                api.startTask(taskId);
            } else {
                api.operateTask(taskId, action);
            }
            return new Done(taskId, action, false, null);
        } catch (InDoubtException e) {
            State now = TaskStatus.parse(api.taskStatus(taskId)).state();
            if (tookEffect(action, now)) {
                return new Done(taskId, action, true, now);
            }
            throw new ApiException(ApiException.Kind.TRANSPORT, e.api(), null, e.code(), e.serverMessage(),
                    e.requestId(), e.getMessage() + "; read back: task " + taskId + " is " + now
                    + ", so the " + action + " did not take effect (not re-sent)", e);
        }
    }

    /** Whether the state read back shows the action applied (start is asynchronous: anything but CREATED counts). */
    static boolean tookEffect(String action, State now) {
        return switch (action) {
            case "start" -> now != State.CREATED;
            case "pause" -> now == State.SUSPENDED;
            case "resume" -> now != State.SUSPENDED && now != State.CREATED;
            default -> now == State.REVOKED;
        };
    }
}
