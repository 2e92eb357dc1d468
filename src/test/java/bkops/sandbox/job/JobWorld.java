package bkops.sandbox.job;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/** A Job world for tests: a state, a hand-moved clock, and calls through {@link JobSimulator#handle} as JSON. */
final class JobWorld {
    static final ObjectMapper MAPPER = new ObjectMapper();
    static final Instant T0 = Instant.parse("2026-11-25T02:00:00Z");

    JobState state = new JobState();
    Instant now = T0;

    long launch(long planId) {
        return JobSimulator.createInstance(state, 2, planId, "job of plan " + planId, "admin", now);
    }

    void after(long millis) {
        now = now.plus(Duration.ofMillis(millis));
    }

    /** Calls an API in business 2 as {@code username}; {@code kv} are alternating names and values. */
    JsonNode callAs(String username, String api, Object... kv) {
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("bk_scope_type", "biz");
        params.put("bk_scope_id", "2");
        for (int i = 0; i < kv.length; i += 2) {
            if (kv[i + 1] == null) {
                params.remove((String) kv[i]);
            } else {
                params.put((String) kv[i], kv[i + 1]);
            }
        }
        String method = api.startsWith("get_") ? "GET" : "POST";
        return MAPPER.valueToTree(JobSimulator.handle(state, api, method, params, username, now));
    }

    JsonNode call(String api, Object... kv) {
        return callAs("admin", api, kv);
    }

    JsonNode status(long job) {
        return call("get_job_instance_status", "job_instance_id", job, "return_ip_result", true).path("data");
    }

    JsonNode step(long job, int index) {
        return status(job).path("step_instance_list").path(index);
    }

    long stepId(long job, int index) {
        return step(job, index).path("step_instance_id").asLong();
    }

    JsonNode operate(long job, long step, int code) {
        return call("operate_step_instance", "job_instance_id", job, "step_instance_id", step, "operation_code", code);
    }

    JobSimulator.Outcome outcome(long job) {
        return JobSimulator.outcome(state, job, now);
    }
}
