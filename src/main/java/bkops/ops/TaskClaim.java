package bkops.ops;

import bkops.api.ApiException;
import bkops.api.InDoubtException;
import bkops.api.Sleeper;
import bkops.api.SopsApi;
import bkops.i18n.Text;
import bkops.model.FunctionTask;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * claim_functionalization_task as a change: the functional task leaves func_claim for execute_task, and is not started
 * (bk-sops gcloud/taskflow3/models.py task_claim). Its reply lost, it is never re-sent: the task's claim ticket is read
 * back (get_functionalization_task_list, not cached) until it is no longer "submitted".
 */
public final class TaskClaim implements Change<TaskClaim.Done> {
    /** {@code readBack}: the reply was lost and the ticket showed the claim; {@code status} the ticket's then. */
    public record Done(String taskId, boolean readBack, String status) {
    }

    private final SopsApi api;
    private final Sleeper sleeper;
    private final String taskId;
    private final String name;
    private final long projectId;

    /** @param name the task's new name, null to keep it; @param projectId the SOPS project's, to find the ticket */
    public TaskClaim(SopsApi api, Sleeper sleeper, String taskId, String name, long projectId) {
        this.api = api;
        this.sleeper = sleeper;
        this.taskId = taskId;
        this.name = name;
        this.projectId = projectId;
    }

    @Override
    public String what() {
        return "claim task " + taskId;
    }

    @Override
    public Text whatText() {
        return Text.of("errors.ops.what.task.claim", taskId);
    }

    @Override
    public List<Request> requests() {
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("task_id", taskId);
        params.put("constants", Map.of());
        if (name != null) {
            params.put("name", name);
        }
        return List.of(new Request("claim_functionalization_task", params));
    }

    @Override
    public Done send() {
        try {
            api.claimFunctionalizationTask(taskId, name, Map.of());
            return new Done(taskId, false, "claimed");
        } catch (InDoubtException lost) {
            return readBack(lost);
        }
    }

    private Done readBack(InDoubtException lost) {
        Text check = Text.of("errors.ops.read-back.check-claim");
        String[] last = {"unknown"};
        try {
            Optional<String> claimed = new ReadBack(sleeper).await(() -> {
                for (FunctionTask t : FunctionTask.parseList(
                        Pages.read((n, offset) -> api.functionalizationTaskListPage(Map.of("project_id", projectId), n, offset),
                                1000).items())) {
                    if (String.valueOf(t.taskId()).equals(taskId)) {
                        last[0] = t.status();
                        return t.waiting() ? Optional.empty() : Optional.of(t.status());
                    }
                }
                return Optional.empty();
            });
            if (claimed.isPresent()) {
                return new Done(taskId, true, claimed.get());
            }
        } catch (ApiException unreadable) {
            throw inDoubt(lost, Text.of("errors.ops.read-back.ticket-unreadable", ReadBack.said(lost),
                    ReadBack.said(unreadable), check), unreadable);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw inDoubt(lost, Text.of("errors.ops.read-back.interrupted", ReadBack.said(lost), check), interrupted);
        }
        throw inDoubt(lost, Text.of("errors.ops.read-back.claim-not-seen", ReadBack.said(lost), taskId, last[0],
                ReadBack.WINDOW.toSeconds(), check), null);
    }

    private static ApiException inDoubt(InDoubtException lost, Text message, Throwable cause) {
        return new ApiException(ApiException.Kind.TRANSPORT, lost.api(), null, lost.code(), lost.serverMessage(),
                lost.requestId(), message, cause == null ? lost : cause);
    }
}
