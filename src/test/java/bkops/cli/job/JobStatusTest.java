package bkops.cli.job;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import bkops.sandbox.RecordedRequest;
import bkops.testing.BkopsTest;
import bkops.testing.CliRun;
import bkops.testing.Golden;
import bkops.testing.TestSandbox;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

@BkopsTest
class JobStatusTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    TestSandbox sb;

    private long failedDeploy() {
        long job = JobScenario.launch(sb, 1001);
        sb.advance(Duration.ofSeconds(5));
        return job;
    }

    @Test
    void failedJobShowsStepsHostsTheCurrentStepAndWhatToDoNext() {
        long job = failedDeploy();
        CliRun.Result r = sb.run("job", "status", String.valueOf(job), "--hosts");
        assertEquals(0, r.exit(), r.toString());
        Golden.assertMatches("job/status-deploy-failed-hosts.txt", r.out());
        assertEquals("next: bkops step operate --job " + job + " --step " + JobScenario.step(sb, job, 0)
                + " --op retry-failed|ignore-error|retry-all\n", r.err());
    }

    @Test
    void waitingConfirmationIsMarkedAndOffersConfirmOperations() {
        long job = failedDeploy();
        long step = JobScenario.step(sb, job, 0);
        assertEquals(0, sb.run("step", "operate", "--job", "" + job, "--step", "" + step, "--op", "retry-failed").exit());
        sb.advance(Duration.ofSeconds(11));
        CliRun.Result r = sb.run("job", "status", String.valueOf(job));
        assertEquals(0, r.exit(), r.toString());
        Golden.assertMatches("job/status-deploy-waiting-confirm.txt", r.out());
        assertEquals("next: bkops step operate --job " + job + " --step " + JobScenario.step(sb, job, 2)
                + " --op confirm|terminate-confirm\n", r.err());
    }

    @Test
    void jsonIsTheApiDataAsGiven() throws Exception {
        long job = failedDeploy();
        CliRun.Result r = sb.run("job", "status", String.valueOf(job), "-o", "json");
        assertEquals(0, r.exit(), r.toString());
        assertEquals(JobScenario.status(sb, job), MAPPER.readTree(r.out()));
        assertEquals("", r.err(), "no hint in a machine format");
        JsonNode withHosts = MAPPER.readTree(sb.run("job", "status", "" + job, "-o", "json", "--hosts").out());
        assertEquals(3, withHosts.at("/step_instance_list/0/step_ip_result_list").size());
    }

    @Test
    void gatewayReadsWithGetAndScopeInTheQuery() {
        long job = failedDeploy();
        sb.clearRequests();
        assertEquals(0, sb.run("job", "status", String.valueOf(job), "--hosts").exit());
        List<RecordedRequest> reqs = sb.requests();
        assertEquals(1, reqs.size());
        assertEquals("GET", reqs.get(0).method());
        assertEquals("/api/bk-job/prod/api/v3/get_job_instance_status?bk_scope_type=biz&bk_scope_id=2&job_instance_id="
                + job + "&return_ip_result=true", reqs.get(0).pathAndQuery());
        assertTrue(reqs.get(0).header("X-Bkapi-Authorization").contains("bk_app_code"));
    }

    @Test
    void esbPostsEveryFieldInTheBody() throws Exception {
        long job = failedDeploy();
        sb.clearRequests();
        CliRun.Result r = sb.runEsb("job", "status", String.valueOf(job));
        assertEquals(0, r.exit(), r.toString());
        RecordedRequest req = sb.requests().get(0);
        assertEquals("POST", req.method());
        assertEquals("/api/c/compapi/v2/jobv3/get_job_instance_status/", req.pathAndQuery());
        JsonNode body = MAPPER.readTree(req.body());
        assertEquals("biz", body.path("bk_scope_type").asText());
        assertEquals("2", body.path("bk_scope_id").asText());
        assertEquals(job, body.path("job_instance_id").asLong());
        assertFalse(body.has("bk_biz_id"), "scope fields, never bk_biz_id");
        assertEquals("bkops-sandbox", body.path("bk_app_code").asText());
    }

    @Test
    void bizSetScopesTheRequestToTheSet() {
        long job = failedDeploy();
        sb.clearRequests();
        CliRun.Result r = sb.run("job", "status", String.valueOf(job), "--biz-set", "9000001");
        assertEquals(5, r.exit(), r.toString());
        assertTrue(r.err().startsWith("bkops: show job " + job + ": Business/Business Set not exist or archived [code 1243049"),
                r.err());
        assertTrue(sb.requests().get(0).pathAndQuery().contains("bk_scope_type=biz_set&bk_scope_id=9000001&"));
    }

    @Test
    void unknownJobIsNotFound() {
        CliRun.Result r = sb.run("job", "status", "99999");
        assertEquals(5, r.exit(), r.toString());
        assertTrue(r.err().startsWith("bkops: show job 99999: Task instance does not exist [code 1244006, request id "),
                r.err());
        assertEquals("", r.out());
    }

    @Test
    void waitExitsZeroWhenTheJobSucceeds() {
        long job = JobScenario.launch(sb, 1002);
        CliRun.Result r = sb.run("job", "status", String.valueOf(job), "--wait");
        assertEquals(0, r.exit(), r.toString());
        assertTrue(r.err().startsWith("job " + job + ": RUNNING at step "), r.err());
        assertTrue(r.err().contains("job " + job + ": SUCCESS\n"), r.err());
        assertTrue(r.out().contains("SUCCESS"), r.out());
    }

    @Test
    void waitExitsTenWhenAStepFails() {
        long job = JobScenario.launch(sb, 1001);
        CliRun.Result r = sb.run("job", "status", String.valueOf(job), "--wait");
        assertEquals(10, r.exit(), r.toString());
        assertTrue(r.err().contains(": FAILED at step "), r.err());
    }

    @Test
    void waitExitsTwelveWhenAConfirmationIsAwaited() {
        long job = failedDeploy();
        sb.run("step", "operate", "--job", "" + job, "--step", "" + JobScenario.step(sb, job, 0), "--op", "retry-failed");
        CliRun.Result r = sb.run("job", "status", String.valueOf(job), "--wait");
        assertEquals(12, r.exit(), r.toString());
        assertTrue(r.err().contains(": WAITING_USER at step "), r.err());
    }

    @Test
    void waitGivesUpAtTheDeadline() {
        long job = JobScenario.launch(sb, 1001);
        CliRun.Result r = sb.run("job", "status", String.valueOf(job), "--wait", "--timeout", "2s");
        assertEquals(124, r.exit(), r.toString());
        assertTrue(r.err().endsWith("bkops: job " + job + " still running after 2s\n"), r.err());
        assertEquals("", r.out());
    }
}
