package bkops.sandbox.job;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import bkops.sandbox.job.JobSimulator.Outcome;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** operate_step_instance and operate_job_instance against the compatibility table of the reference (§1.3, §1.4). */
class JobOperationsTest {
    private final JobWorld w = new JobWorld();

    private static void assertRefused(long code, String message, JsonNode body) {
        assertFalse(body.path("result").asBoolean(), body::toString);
        assertEquals(code, body.path("code").asLong(), body::toString);
        assertEquals(message, body.path("message").asText());
        assertEquals(32, body.path("job_request_id").asText().length());
        assertTrue(body.path("data").isMissingNode(), "no data on an error");
    }

    /** The deploy job with its first step failed (4). */
    private long failedDeploy() {
        long job = w.launch(JobPlans.DEPLOY);
        w.after(5_000);
        return job;
    }

    /** The deploy job waiting at its confirmation step (7). */
    private long waitingDeploy() {
        long job = failedDeploy();
        w.operate(job, w.stepId(job, 0), 8);
        w.after(10_000);
        assertEquals(7, w.step(job, 2).path("status").asInt());
        return job;
    }

    @ParameterizedTest(name = "code {0} refused while the script step runs")
    @ValueSource(ints = {2, 3, 6, 8, 9, 10, 11, 12, 13})
    void everyStepOperationIsRefusedOnARunningScriptStep(int code) {
        long job = w.launch(JobPlans.DEPLOY);
        w.after(1_000);
        assertRefused(1241003, "Unsupported operation", w.operate(job, w.stepId(job, 0), code));
        assertEquals(2, w.step(job, 0).path("status").asInt());
        assertEquals(0, w.step(job, 0).path("execute_count").asInt());
    }

    @ParameterizedTest(name = "code {0} refused on a failed (4) step")
    @ValueSource(ints = {6, 9, 10, 11, 12, 13})
    void confirmAndStopOperationsAreRefusedOnAFailedStep(int code) {
        long job = failedDeploy();
        assertRefused(1241003, "Unsupported operation", w.operate(job, w.stepId(job, 0), code));
        assertEquals(4, w.step(job, 0).path("status").asInt());
    }

    @ParameterizedTest(name = "code {0} refused on a waiting confirmation")
    @ValueSource(ints = {2, 3, 8, 10, 11, 12, 13})
    void retryIgnoreAndStopOperationsAreRefusedOnAWaitingConfirmation(int code) {
        long job = waitingDeploy();
        assertRefused(1241003, "Unsupported operation", w.operate(job, w.stepId(job, 2), code));
        assertEquals(7, w.step(job, 2).path("status").asInt());
    }

    @Test
    void operationsOnAStepThatIsNotTheCurrentOneAreRefused() {
        long job = failedDeploy();
        assertRefused(1241003, "Unsupported operation", w.operate(job, w.stepId(job, 1), 2));
        assertRefused(1241003, "Unsupported operation", w.operate(job, w.stepId(job, 2), 6));
    }

    @Test
    void ignoreErrorOnAFailedStepLetsTheJobContinue() {
        long job = failedDeploy();
        assertTrue(w.operate(job, w.stepId(job, 0), 3).path("result").asBoolean());
        assertEquals(6, w.step(job, 0).path("status").asInt());
        assertEquals(2, w.step(job, 1).path("status").asInt());
        assertEquals(2, w.status(job).at("/job_instance/status").asInt());
    }

    @Test
    void abnormalStepStaysAbnormalOnRetryUntilErrorIsIgnored() {
        long job = w.launch(JobPlans.DB_INSPECTION);
        w.after(3_000);
        long step = w.stepId(job, 0);
        JsonNode abnormal = w.step(job, 0);
        assertEquals(9, abnormal.path("status").asInt());
        assertEquals(1, abnormal.at("/step_ip_result_list/2/status").asInt(), "agent error on host 103");
        assertEquals(9, w.status(job).at("/job_instance/status").asInt());
        assertEquals(Outcome.FAILED, w.outcome(job));

        assertTrue(w.operate(job, step, 2).path("result").asBoolean());
        w.after(3_000);
        assertEquals(9, w.step(job, 0).path("status").asInt());
        assertEquals(1, w.step(job, 0).path("execute_count").asInt());
        assertEquals(3, w.step(job, 0).at("/step_ip_result_list/0/status").asInt(), "untouched host: last success");

        assertTrue(w.operate(job, step, 3).path("result").asBoolean());
        assertEquals(6, w.step(job, 0).path("status").asInt());
        assertEquals(Outcome.RUNNING, w.outcome(job));
        w.after(2_000);
        assertEquals(3, w.status(job).at("/job_instance/status").asInt());
        assertEquals(Outcome.SUCCESS, w.outcome(job));
    }

    @Test
    void terminateMakesTheRunningStepStoppingThenStopped() {
        long job = w.launch(JobPlans.DEPLOY);
        w.after(1_000);
        JsonNode ok = w.call("operate_job_instance", "job_instance_id", job, "operation_code", 1);
        assertTrue(ok.path("result").asBoolean());
        assertEquals(job, ok.at("/data/job_instance_id").asLong());
        assertEquals(10, w.step(job, 0).path("status").asInt());
        assertEquals(10, w.status(job).at("/job_instance/status").asInt());
        assertFalse(w.status(job).path("finished").asBoolean());
        assertEquals(Outcome.RUNNING, w.outcome(job));
        assertRefused(1241003, "Unsupported operation",
                w.call("operate_job_instance", "job_instance_id", job, "operation_code", 1));

        w.after(JobEngine.STOP_DELAY_MS);
        JsonNode stopped = w.status(job);
        assertEquals(11, stopped.at("/step_instance_list/0/status").asInt());
        assertEquals(403, stopped.at("/step_instance_list/0/step_ip_result_list/0/status").asInt());
        assertEquals(11, stopped.at("/job_instance/status").asInt());
        assertTrue(stopped.path("finished").asBoolean());
        assertEquals(Outcome.FAILED, w.outcome(job));
    }

    @Test
    void forceSkipFromStoppingRunsTheNextStep() {
        long job = w.launch(JobPlans.DEPLOY);
        w.after(1_000);
        w.call("operate_job_instance", "job_instance_id", job, "operation_code", 1);
        long step = w.stepId(job, 0);
        for (int refused : new int[] {2, 3, 8, 11}) {
            assertRefused(1241003, "Unsupported operation", w.operate(job, step, refused));
        }
        assertTrue(w.operate(job, step, 12).path("result").asBoolean());
        assertEquals(5, w.step(job, 0).path("status").asInt());
        assertEquals(2, w.step(job, 1).path("status").asInt());
        assertEquals(2, w.status(job).at("/job_instance/status").asInt());
    }

    @Test
    void nextStepFromStopSuccessRunsTheFollowingStep() {
        long job = w.launch(JobPlans.DEPLOY);
        w.after(1_000);
        w.call("operate_job_instance", "job_instance_id", job, "operation_code", 1);
        w.after(JobEngine.STOP_DELAY_MS);
        long step = w.stepId(job, 0);
        assertRefused(1241003, "Unsupported operation", w.operate(job, step, 12));
        assertRefused(1241003, "Unsupported operation", w.operate(job, step, 3));
        assertTrue(w.operate(job, step, 11).path("result").asBoolean());
        assertEquals(11, w.step(job, 0).path("status").asInt(), "the stopped step keeps its status");
        assertEquals(2, w.step(job, 1).path("status").asInt());
        assertEquals(Outcome.RUNNING, w.outcome(job));
    }

    @Test
    void retryFromStopSuccessRerunsTheStoppedHosts() {
        long job = w.launch(JobPlans.DEPLOY);
        w.after(1_000);
        w.call("operate_job_instance", "job_instance_id", job, "operation_code", 1);
        w.after(JobEngine.STOP_DELAY_MS);
        assertTrue(w.operate(job, w.stepId(job, 0), 2).path("result").asBoolean());
        JsonNode step = w.step(job, 0);
        assertEquals(2, step.path("status").asInt());
        assertEquals(1, step.path("execute_count").asInt());
        assertEquals(7, step.at("/step_ip_result_list/0/status").asInt());
    }

    @Test
    void terminateAWaitingConfirmationStopsAtOnceAndRetryAsksAgain() {
        long job = waitingDeploy();
        assertTrue(w.call("operate_job_instance", "job_instance_id", job, "operation_code", 1).path("result").asBoolean());
        assertEquals(11, w.step(job, 2).path("status").asInt());
        assertEquals(11, w.status(job).at("/job_instance/status").asInt());

        assertTrue(w.operate(job, w.stepId(job, 2), 2).path("result").asBoolean());
        w.after(60_000);
        assertEquals(7, w.step(job, 2).path("status").asInt());
        assertEquals(1, w.step(job, 2).path("execute_count").asInt());
        assertEquals(Outcome.WAITING_USER, w.outcome(job));
    }

    @Test
    void terminateAFinishedJobAndStartAStartedJobAreRefused() {
        long job = w.launch(JobPlans.HEALTH_CHECK);
        assertRefused(1241015, "Unsupported operation, do not repeat start the job, job_instance_id=" + job,
                w.call("operate_job_instance", "job_instance_id", job, "operation_code", 2));
        w.after(2_000);
        assertRefused(1241003, "Unsupported operation",
                w.call("operate_job_instance", "job_instance_id", job, "operation_code", 1));
        assertRefused(1241002, "Invalid request parameters",
                w.call("operate_job_instance", "job_instance_id", job, "operation_code", 3));
    }

    @ParameterizedTest(name = "operation_code {0} is not a step operation")
    @ValueSource(ints = {0, 1, 4, 5, 7, 14, 99})
    void unknownOperationCodesAreInvalidParameters(int code) {
        long job = failedDeploy();
        assertRefused(1241002, "Invalid request parameters", w.operate(job, w.stepId(job, 0), code));
    }

    @Test
    void missingOrNonPositiveIdsAreInvalidParameters() {
        long job = failedDeploy();
        long step = w.stepId(job, 0);
        assertRefused(1241002, "Invalid request parameters", w.operate(0, step, 2));
        assertRefused(1241002, "Invalid request parameters", w.operate(job, -1, 2));
        assertRefused(1241002, "Invalid request parameters", w.call("operate_step_instance",
                "job_instance_id", job, "step_instance_id", step));
        assertRefused(1241007, "Missing or invalid request parameter [job_instance_id]",
                w.call("get_job_instance_status", "job_instance_id", 0));
        assertRefused(1240003, "Bad Request",
                w.call("get_job_instance_status", "job_instance_id", "abc"));
    }

    @Test
    void unknownJobOrJobOfAnotherBusinessIsNotFound() {
        long job = failedDeploy();
        long step = w.stepId(job, 0);
        assertRefused(1244006, "Task instance does not exist", w.operate(99_999, step, 2));
        long elsewhere = JobSimulator.createInstance(w.state, 5, JobPlans.HEALTH_CHECK, "other", "admin", w.now);
        assertRefused(1244006, "Task instance does not exist", w.call("operate_step_instance",
                "bk_scope_id", "5", "job_instance_id", job, "step_instance_id", step, "operation_code", 2));
        assertRefused(1244006, "Task instance does not exist",
                w.call("get_job_instance_status", "job_instance_id", elsewhere));
        assertRefused(1244007, "Task step instance does not exist", w.operate(job, 12_345, 2));
        assertRefused(1244007, "Task step instance does not exist",
                w.operate(job, w.state.instances.get(elsewhere).steps.get(0).stepInstanceId, 2));
    }

    @ParameterizedTest(name = "scope {0}/{1} -> {2} {3}")
    @CsvSource(nullValues = "null", value = {
            "cmdb,    2,    1240003, Invalid bk_scope_type",
            "biz,     '',   1240003, Invalid bk_scope_id",
            "null,    '  ', 1240003, Invalid bk_scope_type",
            "biz,     3,    1243049, Business/Business Set not exist or archived",
            "biz_set, 2,    1243049, Business/Business Set not exist or archived"})
    void badScopesAreRefusedBeforeAnythingElse(String type, String id, long code, String message) {
        long job = failedDeploy();
        assertRefused(code, message, w.call("operate_step_instance", "bk_scope_type", type, "bk_scope_id", id,
                "job_instance_id", job, "step_instance_id", w.stepId(job, 0), "operation_code", 2));
    }

    @Test
    void legacyBizIdIsUsedOnlyWhenBothScopeFieldsAreAbsent() {
        long job = failedDeploy();
        JsonNode legacy = w.call("get_job_instance_status", "bk_scope_type", null, "bk_scope_id", null,
                "bk_biz_id", 2, "job_instance_id", job);
        assertTrue(legacy.path("result").asBoolean(), legacy::toString);
        JsonNode scopeWins = w.call("get_job_instance_status", "bk_scope_id", "5", "bk_biz_id", 2,
                "job_instance_id", job);
        assertRefused(1243049, "Business/Business Set not exist or archived", scopeWins);
        assertRefused(1240003, "Invalid bk_scope_type", w.call("get_job_instance_status",
                "bk_scope_type", null, "bk_scope_id", null, "job_instance_id", job));
    }
}
