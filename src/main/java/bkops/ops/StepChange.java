package bkops.ops;


import bkops.api.ApiException;
import bkops.api.InDoubtException;
import bkops.api.JobApi;
import bkops.api.Json;
import bkops.i18n.Text;
import bkops.model.job.JobInstance;
import bkops.model.job.RunStatus;
import bkops.model.job.StepInstance;
import bkops.model.job.StepOperation;
import com.fasterxml.jackson.databind.JsonNode;

import java.util.List;
import java.util.Optional;

/**
 * operate_step_instance on one step, as a change: refused when the step's state or type does not allow the operation
 * (bk-job's table, model/job/StepOperation), never retried (a retry would run the hosts again), and read back after a
 * lost reply: a new status or a new run of the step means it took effect.
 */
public final class StepChange implements Change<StepChange.Sent> {
    private final JobApi api;
    private final long jobId;
    private final StepInstance step;
    private final StepOperation operation;

    /** What was sent: the server's answer, or the step as read back after a lost reply ({@code readBack} not null). */
    public record Sent(JsonNode data, StepInstance readBack) {
    }

    /** @param step the step as read just before */
    public StepChange(JobApi api, long jobId, StepInstance step, StepOperation operation) {
        this.api = api;
        this.jobId = jobId;
        this.step = step;
        this.operation = operation;
    }

    @Override
    public String what() {
        return operation.cliName() + " step " + step.id() + " of job " + jobId + " (" + operation.meaning() + ")";
    }

    @Override
    public Text whatText() {
        return Text.of("errors.ops.what.step", operation.cliName(), step.id(), jobId, operation.meaningText());
    }

    @Override
    public boolean destructive() {
        return operation.destructive();
    }

    @Override
    public Optional<String> refusal() {
        return Optional.ofNullable(refusal(operation, step));
    }

    @Override
    public Optional<Text> refusalText() {
        return Optional.ofNullable(refusalText(operation, step));
    }

    @Override
    public String lookAt() {
        return lookAtText().english();
    }

    @Override
    public Text lookAtText() {
        return Text.of("errors.ops.step.look-at", jobId);
    }

    @Override
    public List<Request> requests() {
        return List.of(new Request("operate_step_instance", api.operateStepParams(jobId, step.id(), operation.code())));
    }

    @Override
    public Sent send() {
        try {
            return new Sent(api.operateStep(jobId, step.id(), operation.code()), null);
        } catch (InDoubtException lost) {
            return readBack(lost);
        }
    }

    /**
     * The reply was lost: the operation is never sent again (it would run the hosts again). Read the step back and
     * say what it is now: a new status or a new run means it took effect.
     */
    private Sent readBack(InDoubtException lost) {
        StepInstance now;
        try {
            now = JobInstance.parse(api.jobInstanceStatus(jobId, false)).step(step.id()).orElse(null);
        } catch (RuntimeException unreadable) {
            throw transport(lost, Text.of("errors.ops.read-back.step-unreadable", ReadBack.said(lost), jobId));
        }
        if (now != null && (now.status() != step.status() || now.executeCount() != step.executeCount())) {
            return new Sent(Json.object().put("job_instance_id", jobId).put("step_instance_id", step.id()), now);
        }
        throw transport(lost, Text.of("errors.ops.read-back.step-unchanged", ReadBack.said(lost), step.id(),
                step.status().name()));
    }

    private static ApiException transport(InDoubtException lost, Text message) {
        return new ApiException(ApiException.Kind.TRANSPORT, lost.api(), null, null, null, null, message, lost);
    }

    /** Why the table refuses the operation in the step's state, or null when it allows it. */
    public static String refusal(StepOperation operation, StepInstance step) {
        Text why = refusalText(operation, step);
        return why == null ? null : why.english();
    }

    /** {@link #refusal(StepOperation, StepInstance)} to be said in the run's language (errors.ops.step.*). */
    public static Text refusalText(StepOperation operation, StepInstance step) {
        if (!operation.fitsType(step.type())) {
            if (operation == StepOperation.ROLLING_CONTINUE) {
                return Text.of("errors.ops.step.rolling-on-confirm", step.id());
            }
            return Text.of(step.status() == RunStatus.WAITING_USER ? "errors.ops.step.needs-confirm.rolling"
                    : "errors.ops.step.needs-confirm", step.id(), step.type().word(), operation.cliName());
        }
        if (!operation.allows(step.status())) {
            return Text.of("errors.ops.step.state", step.id(), step.status().name(), operation.cliName(),
                    operation.allowedText());
        }
        return null;
    }
}
