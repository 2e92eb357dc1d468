package bkops.sandbox.job;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import bkops.sandbox.job.JobSimulator.Outcome;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

/** The deploy plan end to end: a failing host fixed by retry-failed, a file step, a manual confirmation, success. */
class JobDeployFlowTest {
    private final JobWorld w = new JobWorld();
    private final long t0 = JobWorld.T0.toEpochMilli();

    @Test
    void scriptStepRunsForItsDurationThenFailsOnOneHost() {
        long job = w.launch(JobPlans.DEPLOY);
        w.after(3_999);
        JsonNode running = w.status(job);
        assertEquals(2, running.path("job_instance").path("status").asInt());
        assertFalse(running.path("finished").asBoolean());
        assertEquals(7, running.at("/step_instance_list/0/step_ip_result_list/0/status").asInt());
        // bk-job writes null fields below the envelope (only EsbResp is NON_NULL)
        assertTrue(running.at("/job_instance/end_time").isNull(), "end_time null while running");
        assertEquals(Outcome.RUNNING, w.outcome(job));

        w.after(1_001);
        JsonNode failed = w.status(job);
        assertEquals(4, failed.at("/job_instance/status").asInt());
        assertTrue(failed.path("finished").asBoolean(), "FAIL counts as finished");
        JsonNode step = failed.at("/step_instance_list/0");
        assertEquals(4, step.path("status").asInt());
        assertEquals(t0 + 4_000, step.path("end_time").asLong(), "stamped when it happened, not when asked");
        assertEquals(4_000, step.path("total_time").asLong());
        assertEquals(9, step.at("/step_ip_result_list/0/status").asInt());
        assertEquals(102, step.at("/step_ip_result_list/1/bk_host_id").asLong());
        assertEquals(104, step.at("/step_ip_result_list/1/status").asInt());
        assertEquals(1, step.at("/step_ip_result_list/1/exit_code").asInt());
        assertEquals(1, failed.at("/step_instance_list/1/status").asInt(), "the file step has not started");
        assertEquals(Outcome.FAILED, w.outcome(job));
    }

    @Test
    void retryFailedRerunsOnlyTheFailedHostAndCountsTheExecution() {
        long job = w.launch(JobPlans.DEPLOY);
        w.after(5_000);
        long step = w.stepId(job, 0);
        JsonNode ok = w.operate(job, step, 2);
        assertTrue(ok.path("result").asBoolean());
        assertEquals(job, ok.at("/data/job_instance_id").asLong());
        assertEquals(step, ok.at("/data/step_instance_id").asLong());

        JsonNode retrying = w.status(job);
        assertEquals(2, retrying.at("/job_instance/status").asInt(), "job RUNNING again at once");
        assertEquals(1, retrying.at("/step_instance_list/0/execute_count").asInt());
        assertEquals(3, retrying.at("/step_instance_list/0/step_ip_result_list/0/status").asInt(), "last success");
        assertEquals(7, retrying.at("/step_instance_list/0/step_ip_result_list/1/status").asInt());

        w.after(4_000);
        JsonNode passed = w.step(job, 0);
        assertEquals(3, passed.path("status").asInt());
        assertEquals(9, passed.at("/step_ip_result_list/1/status").asInt());
        assertEquals(0, passed.at("/step_ip_result_list/1/exit_code").asInt());
        assertEquals(2, w.step(job, 1).path("status").asInt(), "the file step started when the retry ended");
        assertEquals(t0 + 9_000, w.step(job, 1).path("start_time").asLong());
    }

    @Test
    void retryAllRerunsEveryHost() {
        long job = w.launch(JobPlans.DEPLOY);
        w.after(5_000);
        w.operate(job, w.stepId(job, 0), 8);
        JsonNode step = w.step(job, 0);
        assertEquals(1, step.path("execute_count").asInt());
        for (JsonNode host : step.path("step_ip_result_list")) {
            assertEquals(7, host.path("status").asInt());
        }
    }

    @Test
    void confirmationStepWaitsForAConfirmerAndCanBeTerminatedAndReissued() {
        long job = w.launch(JobPlans.DEPLOY);
        w.after(5_000);
        w.operate(job, w.stepId(job, 0), 2);
        w.after(15_000); // retry ends at +9 s, file step at +15 s
        JsonNode waiting = w.status(job);
        assertEquals(3, waiting.at("/step_instance_list/1/status").asInt());
        assertEquals(6_000, waiting.at("/step_instance_list/1/total_time").asLong());
        assertEquals(7, waiting.at("/step_instance_list/2/status").asInt());
        assertEquals(3, waiting.at("/step_instance_list/2/type").asInt());
        assertEquals(7, waiting.at("/job_instance/status").asInt());
        assertFalse(waiting.path("finished").asBoolean());
        assertEquals(Outcome.WAITING_USER, w.outcome(job));

        long confirm = w.stepId(job, 2);
        JsonNode stranger = w.callAs("guest", "operate_step_instance",
                "job_instance_id", job, "step_instance_id", confirm, "operation_code", 6);
        assertEquals(1244016, stranger.path("code").asLong());
        assertEquals("Only the confirmer of the step can operate", stranger.path("message").asText());
        assertEquals(7, w.step(job, 2).path("status").asInt(), "a refused confirm changes nothing");

        assertTrue(w.operate(job, confirm, 9).path("result").asBoolean());
        assertEquals(13, w.step(job, 2).path("status").asInt());
        assertEquals(13, w.status(job).at("/job_instance/status").asInt());
        assertEquals(Outcome.FAILED, w.outcome(job));

        assertTrue(w.operate(job, confirm, 10).path("result").asBoolean());
        assertEquals(7, w.step(job, 2).path("status").asInt());
        assertEquals(Outcome.WAITING_USER, w.outcome(job));

        JsonNode confirmed = w.callAs("ops_lead", "operate_step_instance",
                "job_instance_id", job, "step_instance_id", confirm, "operation_code", 6);
        assertTrue(confirmed.path("result").asBoolean());
        assertEquals(3, w.step(job, 2).path("status").asInt());
        assertEquals(2, w.step(job, 3).path("status").asInt());

        w.after(3_000);
        JsonNode done = w.status(job);
        assertEquals(3, done.at("/job_instance/status").asInt());
        assertTrue(done.path("finished").asBoolean());
        assertEquals(t0 + 23_000, done.at("/job_instance/end_time").asLong());
        assertEquals(23_000, done.at("/job_instance/total_time").asLong());
        assertEquals(Outcome.SUCCESS, w.outcome(job));
    }

    @Test
    void healthCheckPlanSimplySucceeds() {
        long job = w.launch(JobPlans.HEALTH_CHECK);
        assertEquals(Outcome.RUNNING, w.outcome(job));
        w.after(2_000);
        assertEquals(Outcome.SUCCESS, w.outcome(job));
        assertEquals(3, w.status(job).at("/job_instance/status").asInt());
    }

    @Test
    void statusWithoutReturnIpResultOmitsHostResults() {
        long job = w.launch(JobPlans.HEALTH_CHECK);
        JsonNode data = w.call("get_job_instance_status", "job_instance_id", job).path("data");
        assertTrue(data.at("/step_instance_list/0/step_ip_result_list").isMissingNode());
        assertEquals("biz", data.at("/job_instance/bk_scope_type").asText());
        assertEquals("2", data.at("/job_instance/bk_scope_id").asText());
    }
}
