package bkops.sandbox.job;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import bkops.sandbox.SandboxError;
import bkops.sandbox.job.JobSimulator.FastJob;
import bkops.sandbox.job.JobSimulator.Outcome;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

/**
 * The fast jobs: a rolling script in MANUAL mode (bk-job JobListener.nextStep, GseStepEventHandler.onSuccess,
 * TaskExecuteServiceImpl.continueRolling) and a file pulled from a third-party source (FileDistStatusEnum.PULLING).
 */
class JobRollingTest {
    private final JobWorld w = new JobWorld();
    private final long t0 = JobWorld.T0.toEpochMilli();

    private long rolling() {
        return JobSimulator.createFastInstance(w.state, 2, FastJob.ROLLING_SCRIPT, "rolling", "admin", w.now);
    }

    @Test
    void aBatchThatIsNotTheLastLeavesStepAndJobWaitingForAPerson() {
        long job = rolling();
        JsonNode running = w.status(job);
        assertEquals(2, running.at("/step_instance_list/0/status").asInt());
        assertEquals(7, running.at("/step_instance_list/0/step_ip_result_list/0/status").asInt(), "batch 1 runs");
        assertEquals(5, running.at("/step_instance_list/0/step_ip_result_list/1/status").asInt(), "batch 2 waits");

        w.after(2_000);
        JsonNode paused = w.status(job);
        assertEquals(7, paused.at("/job_instance/status").asInt(), "job WAITING_USER");
        assertFalse(paused.path("finished").asBoolean());
        JsonNode step = paused.at("/step_instance_list/0");
        assertEquals(7, step.path("status").asInt(), "step WAITING_USER, as a confirmation would be");
        assertEquals(t0 + 2_000, step.path("end_time").asLong(), "the batch's end time stays on the step");
        assertEquals(9, step.at("/step_ip_result_list/0/status").asInt());
        assertEquals(5, step.at("/step_ip_result_list/2/status").asInt());
        assertTrue(paused.at("/job_instance/end_time").isNull());
        assertEquals(Outcome.WAITING_USER, w.outcome(job));

        w.after(60_000);
        assertEquals(7, w.step(job, 0).path("status").asInt(), "nothing moves until someone continues");
    }

    @Test
    void rollingContinueRunsTheNextBatchKeepingTheOldEndTimeUntilTheLastBatchEnds() {
        long job = rolling();
        long step = w.stepId(job, 0);
        w.after(2_000);
        JsonNode ok = w.operate(job, step, 13);
        assertTrue(ok.path("result").asBoolean(), ok.toString());
        JsonNode second = w.status(job);
        assertEquals(2, second.at("/job_instance/status").asInt(), "job RUNNING at once");
        assertEquals(2, second.at("/step_instance_list/0/status").asInt());
        assertEquals(t0 + 2_000, second.at("/step_instance_list/0/end_time").asLong(), "stale end time while running");
        assertEquals(7, second.at("/step_instance_list/0/step_ip_result_list/1/status").asInt(), "batch 2 runs");
        assertEquals(0, second.at("/step_instance_list/0/execute_count").asInt(), "not a retry");

        w.after(2_000);
        assertEquals(7, w.step(job, 0).path("status").asInt(), "waits again before batch 3");
        assertEquals(t0 + 4_000, w.step(job, 0).path("end_time").asLong());
        w.operate(job, step, 13);
        w.after(2_000);
        JsonNode done = w.status(job);
        assertEquals(3, done.at("/job_instance/status").asInt());
        assertEquals(3, done.at("/step_instance_list/0/status").asInt());
        assertEquals(6_000, done.at("/step_instance_list/0/total_time").asLong());
        assertEquals(Outcome.SUCCESS, w.outcome(job));
    }

    @Test
    void rollingContinueNeedsAWaitingRollingStepAndConfirmNeedsAConfirmationStep() {
        long job = rolling();
        long step = w.stepId(job, 0);
        assertEquals(1241003, w.operate(job, step, 13).path("code").asLong(), "RUNNING: not WAITING_USER");
        w.after(2_000);
        assertEquals(1241003, w.operate(job, step, 6).path("code").asLong(), "confirmContinue: not MANUAL_CONFIRM");
        assertEquals(1241003, w.operate(job, step, 9).path("code").asLong());

        long deploy = w.launch(JobPlans.DEPLOY);
        w.after(5_000);
        w.operate(deploy, w.stepId(deploy, 0), 2);
        w.after(11_000);
        assertEquals(7, w.step(deploy, 2).path("status").asInt(), "the confirmation waits");
        assertEquals(1241003, w.operate(deploy, w.stepId(deploy, 2), 13).path("code").asLong(),
                "continueRolling: not a rolling step");
    }

    @Test
    void terminatingAJobWaitingBetweenBatchesStopsTheStepAtOnce() {
        long job = rolling();
        w.after(2_000);
        assertTrue(w.call("operate_job_instance", "job_instance_id", job, "operation_code", 1).path("result").asBoolean());
        // GseStepEventHandler: "Step status is WAITING_USER, set step status stop_success directly!"
        assertEquals(11, w.step(job, 0).path("status").asInt());
        assertTrue(w.operate(job, w.stepId(job, 0), 2).path("result").asBoolean(), "STOP_SUCCESS can be retried");
    }

    @Test
    void stepStatusShowsTheLatestBatchUnlessAskedForOneOrAll() {
        long job = rolling();
        long step = w.stepId(job, 0);
        w.after(2_000);
        w.operate(job, step, 13);
        JsonNode latest = w.call("get_step_instance_status", "job_instance_id", job, "step_instance_id", step).path("data");
        assertEquals(1, latest.at("/step_result_group_list/0/host_size").asInt(), latest.toString());
        assertEquals(102, latest.at("/step_result_group_list/0/host_result_list/0/bk_host_id").asLong());
        JsonNode all = w.call("get_step_instance_status", "job_instance_id", job, "step_instance_id", step,
                "batch", 0).path("data");
        assertEquals(3, all.path("step_result_group_list").size(), "success, running, waiting: " + all);
        JsonNode first = w.call("get_step_instance_status", "job_instance_id", job, "step_instance_id", step,
                "batch", 1).path("data");
        assertEquals(101, first.at("/step_result_group_list/0/host_result_list/0/bk_host_id").asLong());
    }

    @Test
    void aThirdPartySourceIsPulledFirstThenTransferred() {
        long job = JobSimulator.createFastInstance(w.state, 2, FastJob.PUSH_FILE, "push", "admin", w.now);
        long step = w.stepId(job, 0);
        w.after(1_000);
        JsonNode pulling = w.call("get_job_instance_ip_log", "job_instance_id", job, "step_instance_id", step,
                "bk_host_id", 101).path("data");
        assertEquals(1, pulling.path("file_logs").size(), "no download yet: " + pulling);
        JsonNode pull = pulling.at("/file_logs/0");
        assertEquals(0, pull.path("mode").asInt());
        assertEquals(0, pull.path("status").asInt(), "FileDistStatusEnum.PULLING");
        assertEquals("cos-release/app-1.5.0.tar.gz", pull.path("src_path").asText());
        assertEquals("10.0.0.20", pull.at("/src_ip/ip").asText());
        assertEquals(5, w.step(job, 0).at("/step_ip_result_list/0/status").asInt(), "the hosts wait for the pull");

        w.after(2_000);
        assertEquals(7, w.step(job, 0).at("/step_ip_result_list/0/status").asInt(), "pulled at +3 s");
        w.after(4_000);
        assertEquals(3, w.status(job).at("/job_instance/status").asInt());
        assertEquals(t0 + 3_000, w.step(job, 0).at("/step_ip_result_list/0/start_time").asLong());
    }

    @Test
    void fastJobsAreNotPlansAJobNodeCanRun() {
        SandboxError e = org.junit.jupiter.api.Assertions.assertThrows(SandboxError.class, () -> w.launch(1005));
        assertEquals(1243009, e.code());
    }
}
