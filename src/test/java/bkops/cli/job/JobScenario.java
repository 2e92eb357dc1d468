package bkops.cli.job;

import bkops.sandbox.SandboxCredentials;
import bkops.testing.TestSandbox;
import com.fasterxml.jackson.databind.JsonNode;

import java.util.Map;

/**
 * Job instances for command tests, made the way an operator gets them: a SOPS task of the seeded template 10
 * (a job node running plan {@code ${job_plan_id}}) is created and started over HTTP; the node's output job_inst_id
 * is the instance. Plans: 1001 deploy (script fails on host 102 the first time, file, confirm, script),
 * 1002 health check, 1003 db inspection (ABNORMAL until ignore-error).
 */
public final class JobScenario {
    private JobScenario() {}

    /** Launches a plan and returns its job instance id; the clock is not moved. */
    public static long launch(TestSandbox sb, long planId) {
        String base = sb.env().get("BKOPS_SOPS_URL");
        long biz = SandboxCredentials.BIZ_ID;
        JsonNode created = call(sb, base + "/create_task/10/" + biz + "/",
                Map.of("name", "job test", "constants", Map.of("${job_plan_id}", String.valueOf(planId))));
        long task = created.at("/data/task_id").asLong();
        call(sb, base + "/start_task/" + task + "/" + biz + "/", Map.of());
        JsonNode status = call(sb, base + "/get_task_status/" + task + "/" + biz + "/", null);
        for (var it = status.at("/data/children").fields(); it.hasNext(); ) {
            String node = it.next().getKey();
            JsonNode nodeData = call(sb, base + "/get_task_node_data/" + biz + "/" + task + "/?node_id=" + node, null);
            for (JsonNode o : nodeData.at("/data/outputs")) {
                if (o.path("key").asText().equals("job_inst_id")) {
                    return o.path("value").asLong();
                }
            }
        }
        throw new AssertionError("no job node ran: " + status);
    }

    /** Step ids of a plan's instance: the sandbox numbers steps in order. */
    public static long step(TestSandbox sb, long job, int index) {
        JsonNode data = JobScenario.status(sb, job);
        return data.at("/step_instance_list/" + index + "/step_instance_id").asLong();
    }

    /** Terminates a job (operate_job_instance 1): its running step is TERMINATING for 2 s, then TERMINATED. */
    public static void terminate(TestSandbox sb, long job) {
        call(sb, sb.env().get("BKOPS_JOB_URL") + "/api/v3/operate_job_instance", Map.of("bk_scope_type", "biz",
                "bk_scope_id", String.valueOf(SandboxCredentials.BIZ_ID), "job_instance_id", job, "operation_code", 1));
    }

    /** get_job_instance_status data, straight from the sandbox (for setting up, not for assertions on bkops). */
    public static JsonNode status(TestSandbox sb, long job) {
        String url = sb.env().get("BKOPS_JOB_URL") + "/api/v3/get_job_instance_status?bk_scope_type=biz&bk_scope_id="
                + SandboxCredentials.BIZ_ID + "&job_instance_id=" + job;
        return call(sb, url, null).path("data");
    }

    private static JsonNode call(TestSandbox sb, String url, Object body) {
        return sb.send(body == null ? "GET" : "POST", url, body, TestSandbox.AUTH).ok();
    }
}
