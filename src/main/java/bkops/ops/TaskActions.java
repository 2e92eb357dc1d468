package bkops.ops;

import bkops.api.ApiException;
import bkops.api.InDoubtException;
import bkops.api.Sleeper;
import bkops.api.SopsApi;
import bkops.i18n.Text;
import bkops.model.State;
import bkops.model.TaskStatus;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Start, pause, resume and revoke, each sent once. When the reply is lost (the request may or may not have been
 * applied) nothing is re-sent: the task's status is read back, past the server's cache, over a short window
 * ({@link ReadBack}); only a state showing the action counts as applied, anything else stays in doubt.
 */
public final class TaskActions {
    public static final Set<String> ACTIONS = Set.of("start", "pause", "resume", "revoke");

    private final SopsApi api;
    private final ReadBack readBack;

    /** @param sleeper how to wait between read-backs (tests move a simulated clock) */
    public TaskActions(SopsApi api, Sleeper sleeper) {
        this.api = api;
        this.readBack = new ReadBack(sleeper);
    }

    /** What happened: the action was applied; {@code state} is known only when read back after a lost reply. */
    public record Done(String taskId, String action, boolean readBack, State state) {
    }

    /** The action on one task as a change: revoke cannot be undone. */
    public Change<Done> change(String taskId, String action) {
        if (!ACTIONS.contains(action)) {
            throw new IllegalArgumentException("unknown task action " + action);
        }
        return new Change<>() {
            @Override
            public String what() {
                return action + " task " + taskId;
            }

            @Override
            public Text whatText() {
                return Text.of(switch (action) {
                    case "start" -> "errors.ops.what.task.start";
                    case "pause" -> "errors.ops.what.task.pause";
                    case "resume" -> "errors.ops.what.task.resume";
                    default -> "errors.ops.what.task.revoke";
                }, taskId);
            }

            @Override
            public boolean destructive() {
                return action.equals("revoke");
            }

            @Override
            public List<Request> requests() {
                // a null id: the one create_task returns, before it is known
                Map<String, Object> params = new LinkedHashMap<>();
                params.put("task_id", taskId);
                if (!action.equals("start")) {
                    params.put("action", action);
                }
                return List.of(new Request(action.equals("start") ? "start_task" : "operate_task", params));
            }

            @Override
            public Done send() {
                return apply(taskId, action);
            }
        };
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
            return readBack(taskId, action, e);
        }
    }

    private Done readBack(String taskId, String action, InDoubtException lost) {
        State[] last = new State[1];
        Text check = Text.of("errors.ops.read-back.check-task", taskId);
        try {
            java.util.Optional<State> applied = readBack.await(() -> {
                last[0] = TaskStatus.parse(api.taskStatusFresh(taskId, false)).state();
                return tookEffect(action, last[0]) ? java.util.Optional.of(last[0]) : java.util.Optional.empty();
            });
            if (applied.isPresent()) {
                return new Done(taskId, action, true, applied.get());
            }
        } catch (ApiException unreadable) {
            throw inDoubt(lost, Text.of("errors.ops.read-back.unreadable", ReadBack.said(lost), ReadBack.said(unreadable),
                    check), unreadable);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw inDoubt(lost, Text.of("errors.ops.read-back.interrupted", ReadBack.said(lost), check), interrupted);
        }
        throw inDoubt(lost, Text.of("errors.ops.read-back.task-not-seen", ReadBack.said(lost), taskId, last[0],
                ReadBack.WINDOW.toSeconds(), action, check), null);
    }

    private static ApiException inDoubt(InDoubtException lost, Text message, Throwable cause) {
        return new ApiException(ApiException.Kind.TRANSPORT, lost.api(), null, lost.code(), lost.serverMessage(),
                lost.requestId(), message, cause == null ? lost : cause);
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
