package bkops.cli.step;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import bkops.cli.job.JobScenario;
import bkops.sandbox.Faults;
import bkops.sandbox.RecordedRequest;
import bkops.testing.BkopsTest;
import bkops.testing.CliRun;
import bkops.testing.TestSandbox;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Every operation in a state the table allows (sent, the server accepts) and in one it refuses (nothing sent, exit 3),
 * against the sandbox's seeded plans: 1001 deploy (script fails on one host the first time, file, confirm, script),
 * 1002 health check (succeeds), 1003 db inspection (ABNORMAL until ignore-error).
 */
@BkopsTest
class StepOperateTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final String OPERATE = "/api/bk-job/prod/api/v3/operate_step_instance";

    TestSandbox sb;
    long job;

    private long step(int index) {
        return JobScenario.step(sb, job, index);
    }

    /** Runs step operate on the plan's step at {@code stepIndex}; only the requests of this run are kept. */
    private CliRun.Result operate(int stepIndex, String op, String... more) {
        List<String> args = new ArrayList<>(List.of("step", "operate", "--job", String.valueOf(job),
                "--step", String.valueOf(step(stepIndex)), "--op", op));
        args.addAll(List.of(more));
        sb.clearRequests();
        return sb.run(args.toArray(String[]::new));
    }

    private List<RecordedRequest> operateRequests() {
        return sb.requests().stream().filter(r -> r.pathAndQuery().contains("operate_step_instance")).toList();
    }

    /** The one operate request sent, with the exact body of the reference's §1.3. */
    private void assertSent(int stepIndex, int code) throws Exception {
        List<RecordedRequest> sent = operateRequests();
        assertEquals(1, sent.size(), "exactly one operate request");
        assertEquals("POST", sent.get(0).method());
        assertEquals(OPERATE, sent.get(0).pathAndQuery());
        assertEquals(MAPPER.readTree("{\"bk_scope_type\":\"biz\",\"bk_scope_id\":\"2\",\"job_instance_id\":" + job
                + ",\"step_instance_id\":" + step(stepIndex) + ",\"operation_code\":" + code + "}"),
                MAPPER.readTree(sent.get(0).body()));
    }

    private void assertSentOk(CliRun.Result r, int stepIndex, String op, int code, String meaning) throws Exception {
        assertEquals(0, r.exit(), r.toString());
        assertEquals(op + " sent: step " + step(stepIndex) + " of job " + job + " (" + meaning + ")\n", r.out());
        assertEquals(acting(), r.err());
        assertSent(stepIndex, code);
    }

    /** Every write's first line on stderr: the profile and the Job server it acts on. */
    private String acting() {
        return "acting on profile sandbox (" + sb.sandbox().jobGatewayUrl() + ")\n";
    }

    private void assertRefused(CliRun.Result r, int stepIndex, String why) {
        assertEquals(3, r.exit(), r.toString());
        assertEquals("", r.out());
        assertEquals("bkops: step " + step(stepIndex) + " " + why + " (see 'bkops job status " + job
                + "'; --force sends it anyway)\n", r.err());
        assertEquals(List.of(), operateRequests(), "nothing sent");
    }

    private int status(int stepIndex) {
        return JobScenario.status(sb, job).at("/step_instance_list/" + stepIndex + "/status").asInt();
    }

    /** Deploy with its first step FAILED. */
    private void failedDeploy() {
        job = JobScenario.launch(sb, 1001);
        sb.advance(Duration.ofSeconds(5));
    }

    /** Deploy at its confirmation step (WAITING_USER). */
    private void deployAwaitingConfirmation() {
        failedDeploy();
        assertEquals(0, operate(0, "retry-failed").exit());
        sb.advance(Duration.ofSeconds(11));
        assertEquals(7, status(2));
    }

    @Test
    void retryFailedOnAFailedStep() throws Exception {
        failedDeploy();
        assertSentOk(operate(0, "retry-failed"), 0, "retry-failed", 2, "retry the failed hosts");
        assertEquals(2, status(0), "running again");
    }

    @Test
    void retryFailedRefusedWhileRunning() {
        job = JobScenario.launch(sb, 1001);
        assertRefused(operate(0, "retry-failed"), 0, "is RUNNING; retry-failed needs FAILED, ABNORMAL or TERMINATED");
    }

    @Test
    void retryAllByItsCode() throws Exception {
        failedDeploy();
        assertSentOk(operate(0, "8"), 0, "retry-all", 8, "retry every host");
    }

    @Test
    void retryAllRefusedOnASuccessfulStep() {
        job = JobScenario.launch(sb, 1002);
        sb.advance(Duration.ofSeconds(3));
        assertRefused(operate(0, "retry-all"), 0, "is SUCCESS; retry-all needs FAILED, ABNORMAL or TERMINATED");
    }

    @Test
    void ignoreErrorOnAnAbnormalStep() throws Exception {
        job = JobScenario.launch(sb, 1003);
        sb.advance(Duration.ofSeconds(4));
        assertEquals(9, status(0));
        assertSentOk(operate(0, "ignore-error"), 0, "ignore-error", 3, "ignore the error and go on");
        assertEquals(6, status(0));
    }

    @Test
    void ignoreErrorRefusedOnATerminatedStep() {
        job = JobScenario.launch(sb, 1001);
        JobScenario.terminate(sb, job);
        sb.advance(Duration.ofSeconds(3));
        assertRefused(operate(0, "ignore-error"), 0, "is TERMINATED; ignore-error needs FAILED or ABNORMAL");
    }

    @Test
    void confirmAWaitingConfirmation() throws Exception {
        deployAwaitingConfirmation();
        assertSentOk(operate(2, "confirm"), 2, "confirm", 6, "confirm and go on");
        assertEquals(3, status(2));
    }

    @Test
    void confirmRefusedOnAScriptStepAndOnAConfirmationNotReached() {
        failedDeploy();
        assertRefused(operate(0, "confirm"), 0, "is a script step; confirm needs a manual confirmation step");
        assertRefused(operate(2, "confirm"), 2, "is PENDING; confirm needs WAITING_USER");
    }

    @Test
    void terminateConfirmWithYes() throws Exception {
        deployAwaitingConfirmation();
        assertSentOk(operate(2, "terminate-confirm", "--yes"), 2, "terminate-confirm", 9,
                "end the confirmation and stop the job");
        assertEquals(13, status(2));
    }

    @Test
    void terminateConfirmRefusedOnceTerminated() {
        deployAwaitingConfirmation();
        operate(2, "terminate-confirm", "--yes");
        assertRefused(operate(2, "terminate-confirm", "--yes"), 2,
                "is CONFIRM_TERMINATED; terminate-confirm needs WAITING_USER");
    }

    @Test
    void reconfirmATerminatedConfirmation() throws Exception {
        deployAwaitingConfirmation();
        operate(2, "terminate-confirm", "--yes");
        assertSentOk(operate(2, "reconfirm"), 2, "reconfirm", 10, "ask for the confirmation again");
        assertEquals(7, status(2));
    }

    @Test
    void reconfirmRefusedWhileWaiting() {
        deployAwaitingConfirmation();
        assertRefused(operate(2, "reconfirm"), 2, "is WAITING_USER; reconfirm needs CONFIRM_TERMINATED");
    }

    @Test
    void nextStepAfterTermination() throws Exception {
        job = JobScenario.launch(sb, 1001);
        JobScenario.terminate(sb, job);
        sb.advance(Duration.ofSeconds(3));
        assertSentOk(operate(0, "next-step"), 0, "next-step", 11, "leave the terminated step and run the next one");
        assertEquals(2, status(1), "the file step runs");
    }

    @Test
    void nextStepRefusedOnAFailedStep() {
        failedDeploy();
        assertRefused(operate(0, "next-step"), 0, "is FAILED; next-step needs TERMINATED");
    }

    @Test
    void forceSkipWhileTerminating() throws Exception {
        job = JobScenario.launch(sb, 1001);
        JobScenario.terminate(sb, job);
        assertEquals(10, status(0));
        assertSentOk(operate(0, "force-skip", "--yes"), 0, "force-skip", 12, "skip the step that is being terminated");
        assertEquals(5, status(0));
    }

    @Test
    void forceSkipRefusedOnceTerminated() {
        job = JobScenario.launch(sb, 1001);
        JobScenario.terminate(sb, job);
        sb.advance(Duration.ofSeconds(3));
        assertRefused(operate(0, "force-skip", "--yes"), 0, "is TERMINATED; force-skip needs TERMINATING");
    }

    @Test
    void forceSendsARefusedOperationAndTheServerRefusesIt() throws Exception {
        job = JobScenario.launch(sb, 1001);
        CliRun.Result r = operate(0, "retry-failed", "--force");
        assertEquals(3, r.exit(), r.toString());
        assertTrue(r.err().startsWith("bkops: warning: step " + step(0) + " is RUNNING; retry-failed needs FAILED, "
                + "ABNORMAL or TERMINATED; sending anyway (--force)\n" + acting() + "bkops: operate step " + step(0) + " of job " + job
                + ": Unsupported operation [code 1241003, request id "), r.err());
        assertSent(0, 2);
    }

    @Test
    void destructiveOperationWithoutTerminalOrYesSendsNothing() {
        deployAwaitingConfirmation();
        CliRun.Result r = operate(2, "terminate-confirm");
        assertEquals(2, r.exit(), r.toString());
        assertEquals("bkops: terminate-confirm step " + step(2) + " of job " + job + " (end the confirmation and stop "
                + "the job) needs confirmation and stdin is not a terminal to ask on: add --yes to confirm (nothing was "
                + "sent)\n", r.err());
        assertEquals(List.of(), operateRequests());
        assertEquals(7, status(2));
    }

    @Test
    void destructiveOperationAsksOnATerminal() throws Exception {
        deployAwaitingConfirmation();
        String[] args = {"step", "operate", "--job", "" + job, "--step", "" + step(2), "--op", "terminate-confirm"};
        sb.clearRequests();
        CliRun.Result no = CliRun.run(sb.env(), "n\n", sb.sleeper(), true, args);
        assertEquals(2, no.exit(), no.toString());
        assertTrue(no.err().endsWith("? This cannot be undone. [y/N] bkops: not confirmed; nothing was sent\n"), no.err());
        assertEquals(List.of(), operateRequests());

        CliRun.Result yes = CliRun.run(sb.env(), "y\n", sb.sleeper(), true, args);
        assertEquals(0, yes.exit(), yes.toString());
        assertSent(2, 9);
    }

    @Test
    void dryRunShowsTheBodyAndSendsNothing() throws Exception {
        failedDeploy();
        CliRun.Result r = operate(0, "retry-failed", "--dry-run");
        assertEquals(0, r.exit(), r.toString());
        assertEquals(MAPPER.readTree("{\"bk_scope_type\":\"biz\",\"bk_scope_id\":\"2\",\"job_instance_id\":" + job
                + ",\"step_instance_id\":" + step(0) + ",\"operation_code\":2}"), MAPPER.readTree(r.out()));
        assertEquals("dry run: would send operate_step_instance (retry-failed); nothing was sent\n", r.err());
        assertEquals(List.of(), operateRequests());
        assertEquals(4, status(0));
    }

    @Test
    void unknownOperationIsAUsageErrorListingTheNames() {
        failedDeploy();
        CliRun.Result r = operate(0, "4");
        assertEquals(2, r.exit(), r.toString());
        assertEquals("bkops: unknown step operation '4'; use one of: retry-failed (2), ignore-error (3), confirm (6), "
                + "retry-all (8), terminate-confirm (9), reconfirm (10), next-step (11), force-skip (12), "
                + "rolling-continue (13)\n", r.err());
        assertEquals(List.of(), sb.requests(), "nothing asked, nothing sent");
    }

    @Test
    void unknownStepIsNotFound() {
        failedDeploy();
        sb.clearRequests();
        CliRun.Result r = sb.run("step", "operate", "--job", "" + job, "--step", "1", "--op", "retry-failed");
        assertEquals(5, r.exit(), r.toString());
        assertEquals("bkops: job " + job + " has no step 1 (see 'bkops job status " + job + "')\n", r.err());
        assertEquals(List.of(), operateRequests());
    }

    @Test
    void esbPostsToTheComponentPathWithScopeAndCredentialsInTheBody() throws Exception {
        failedDeploy();
        long step = step(0);
        sb.clearRequests();
        CliRun.Result r = sb.runEsb("step", "operate", "--job", "" + job, "--step", "" + step, "--op", "retry-failed");
        assertEquals(0, r.exit(), r.toString());
        RecordedRequest read = sb.requests().get(0);
        assertEquals("POST /api/c/compapi/v2/jobv3/get_job_instance_status/", read.method() + " " + read.pathAndQuery());
        List<RecordedRequest> sent = operateRequests();
        assertEquals(1, sent.size());
        assertEquals("POST", sent.get(0).method());
        assertEquals("/api/c/compapi/v2/jobv3/operate_step_instance/", sent.get(0).pathAndQuery());
        JsonNode body = MAPPER.readTree(sent.get(0).body());
        assertEquals("biz", body.path("bk_scope_type").asText());
        assertEquals("2", body.path("bk_scope_id").asText());
        assertEquals(job, body.path("job_instance_id").asLong());
        assertEquals(step, body.path("step_instance_id").asLong());
        assertEquals(2, body.path("operation_code").asInt());
        assertEquals("bkops-sandbox", body.path("bk_app_code").asText());
        assertFalse(body.has("bk_biz_id"), "never bk_biz_id");
    }

    @Test
    void jsonPrintsTheApiData() throws Exception {
        failedDeploy();
        CliRun.Result r = operate(0, "retry-failed", "-o", "json");
        assertEquals(0, r.exit(), r.toString());
        assertEquals(MAPPER.readTree("{\"job_instance_id\":" + job + ",\"step_instance_id\":" + step(0) + "}"),
                MAPPER.readTree(r.out()));
    }

    @Test
    void aFailedOperateIsNeverRetried() {
        failedDeploy();
        sb.faults().add(new Faults.Fault(Faults.Kind.SERVER_ERROR, 3, "operate_step_instance", 502));
        Map<String, String> env = sb.env();
        env.put("BKOPS_RETRIES", "3");
        long step = step(0);
        sb.clearRequests();
        CliRun.Result r = sb.run(env, "step", "operate", "--job", "" + job, "--step", "" + step, "--op", "2");
        assertEquals(6, r.exit(), r.toString());
        assertEquals(1, operateRequests().size(), "a retry would run the hosts again");
    }

    @Test
    void aDroppedAnswerIsInDoubtAndPointsAtTheState() {
        failedDeploy();
        sb.faults().add(new Faults.Fault(Faults.Kind.DROP, 1, "operate_step_instance", 0));
        CliRun.Result r = operate(0, "retry-failed");
        assertEquals(6, r.exit(), r.toString());
        // The sandbox drops the answer before applying the operation: read back, the step is unchanged.
        assertTrue(r.err().startsWith(acting()), r.err());
        assertTrue(r.err().substring(acting().length()).matches("(?s)bkops: operate step \\d+ .*not known whether it was applied .*; step "
                + step(0) + " is still FAILED, so it seems not applied: run the command again if it is still needed\n"),
                r.err());
        assertEquals(2, r.err().lines().count(), r.err());
        assertEquals(1, operateRequests().size(), "never sent again");
    }

    @Test
    void waitExitsZeroWhenTheRetriedStepPasses() {
        failedDeploy();
        CliRun.Result r = operate(0, "retry-failed", "--wait");
        assertEquals(0, r.exit(), r.toString());
        assertEquals(acting() + "step " + step(0) + ": RUNNING\nstep " + step(0) + ": SUCCESS\n", r.err());
    }

    @Test
    void waitExitsTenWhenTheRetryFailsAgain() {
        job = JobScenario.launch(sb, 1003);
        sb.advance(Duration.ofSeconds(4));
        CliRun.Result r = operate(0, "retry-all", "--wait");
        assertEquals(10, r.exit(), r.toString());
        assertTrue(r.err().endsWith("step " + step(0) + ": ABNORMAL\n"), r.err());
    }

    @Test
    void waitExitsTwelveWhenTheStepWaitsForConfirmation() {
        deployAwaitingConfirmation();
        operate(2, "terminate-confirm", "--yes");
        CliRun.Result r = operate(2, "reconfirm", "--wait");
        assertEquals(12, r.exit(), r.toString());
    }

    @Test
    void waitAfterNextStepCountsTheLeftStepAsPassed() {
        job = JobScenario.launch(sb, 1001);
        JobScenario.terminate(sb, job);
        sb.advance(Duration.ofSeconds(3));
        CliRun.Result r = operate(0, "next-step", "--wait");
        assertEquals(0, r.exit(), r.toString());
    }

    @Test
    void waitGivesUpAtTheDeadline() {
        failedDeploy();
        CliRun.Result r = operate(0, "retry-failed", "--wait", "--timeout", "2s");
        assertEquals(124, r.exit(), r.toString());
        assertTrue(r.err().endsWith("bkops: step " + step(0) + " still running after 2s\n"), r.err());
    }
}
