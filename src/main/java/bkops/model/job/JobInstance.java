package bkops.model.job;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A job instance as get_job_instance_status gives it. {@code finished} is the server's flag, which is true for failed
 * (still retryable) jobs too: decide on {@link #status()}, never on it.
 */
public record JobInstance(long id, String name, String scopeType, String scopeId, RunStatus status, boolean finished,
                          Long startTime, Long endTime, Long totalTime, List<StepInstance> steps) {

    /** Parses the envelope's {@code data}. */
    public static JobInstance parse(JsonNode data) {
        JsonNode j = data.path("job_instance");
        List<StepInstance> steps = new ArrayList<>();
        data.path("step_instance_list").forEach(s -> steps.add(StepInstance.parse(s)));
        return new JobInstance(Fields.number(j, "job_instance_id"), Fields.text(j, "name"),
                Fields.text(j, "bk_scope_type"), Fields.text(j, "bk_scope_id"),
                RunStatus.of((int) Fields.number(j, "status")), data.path("finished").asBoolean(false),
                Fields.numberOrNull(j, "start_time"), Fields.numberOrNull(j, "end_time"),
                Fields.numberOrNull(j, "total_time"), List.copyOf(steps));
    }

    public Optional<StepInstance> step(long stepInstanceId) {
        return steps.stream().filter(s -> s.id() == stepInstanceId).findFirst();
    }

    /**
     * The step the job is at. The API does not say (bk-job#468): it is the last step that has left PENDING, since steps
     * run in order and a step passed by ignore-error or next-step stays behind with its own status. None when the job
     * succeeded or has not started.
     */
    public Optional<StepInstance> currentStep() {
        if (status.passed()) {
            return Optional.empty();
        }
        StepInstance current = null;
        for (StepInstance s : steps) {
            if (s.status() != RunStatus.PENDING) {
                current = s;
            }
        }
        return Optional.ofNullable(current);
    }
}
