package bkops.model.job;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;

/**
 * A step of a job instance (step_instance_list[]). {@code executeCount} counts retries (0 on the first run);
 * {@code hosts} is empty unless the status was asked with return_ip_result.
 */
public record StepInstance(long id, String name, StepType type, RunStatus status, int executeCount,
                           Long startTime, Long endTime, Long totalTime, List<HostResult> hosts) {

    public static StepInstance parse(JsonNode n) {
        List<HostResult> hosts = new ArrayList<>();
        n.path("step_ip_result_list").forEach(h -> hosts.add(HostResult.parse(h)));
        return new StepInstance(Fields.number(n, "step_instance_id"), Fields.text(n, "name"),
                StepType.of((int) Fields.number(n, "type")), RunStatus.of((int) Fields.number(n, "status")),
                (int) Fields.number(n, "execute_count"), Fields.numberOrNull(n, "start_time"),
                Fields.numberOrNull(n, "end_time"), Fields.numberOrNull(n, "total_time"), List.copyOf(hosts));
    }

    /** How many times it has run: the first run plus the retries. */
    public int runs() {
        return startTime == null && status == RunStatus.PENDING ? 0 : executeCount + 1;
    }


    public List<HostResult> failedHosts() {
        return hosts.stream().filter(HostResult::failed).toList();
    }
}
