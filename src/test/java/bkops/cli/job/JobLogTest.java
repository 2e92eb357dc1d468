package bkops.cli.job;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import bkops.sandbox.RecordedRequest;
import bkops.testing.BkopsTest;
import bkops.testing.CliRun;
import bkops.testing.Golden;
import bkops.testing.TestSandbox;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

@BkopsTest
class JobLogTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    TestSandbox sb;
    long job;

    @BeforeEach
    void start() {
        job = JobScenario.launch(sb, 1001);
        sb.advance(Duration.ofSeconds(5)); // the script step failed on host 102
    }

    private CliRun.Result log(int stepIndex, String... more) {
        List<String> args = new java.util.ArrayList<>(List.of("job", "log", String.valueOf(job),
                "--step", String.valueOf(JobScenario.step(sb, job, stepIndex))));
        args.addAll(List.of(more));
        sb.clearRequests();
        return sb.run(args.toArray(String[]::new));
    }

    @Test
    void theStepMayBeTheSecondWordAsWellAsStep() {
        String step = String.valueOf(JobScenario.step(sb, job, 0));
        CliRun.Result positional = sb.run("job", "log", String.valueOf(job), step);
        assertEquals(0, positional.exit(), positional.toString());
        assertEquals(log(0).out(), positional.out());
        CliRun.Result both = sb.run("job", "log", String.valueOf(job), step, "--step", step);
        assertEquals(0, both.exit(), both.toString());
        CliRun.Result differ = sb.run("job", "log", String.valueOf(job), step, "--step", step + "1");
        assertEquals(2, differ.exit(), differ.toString());
        assertEquals("bkops: two steps given: " + step + " and --step " + step + "1\n", differ.err());
        CliRun.Result none = sb.run("job", "log", String.valueOf(job));
        assertEquals(2, none.exit(), none.toString());
        assertTrue(none.err().contains("bkops job log JOB STEP"), none.toString());
    }

    /** Retries the script step and lets the file step finish. */
    private void passFileStep() {
        sb.run("step", "operate", "--job", "" + job, "--step", "" + JobScenario.step(sb, job, 0), "--op", "retry-failed");
        sb.advance(Duration.ofSeconds(11));
    }

    @Test
    void withoutHostPrintsEveryFailedHostUnderAHeader() throws Exception {
        CliRun.Result r = log(0);
        assertEquals(0, r.exit(), r.toString());
        assertEquals("", r.err());
        Golden.assertMatches("job/log-failed-hosts.txt", r.out());
        List<RecordedRequest> reqs = sb.requests();
        assertEquals(2, reqs.size());
        assertEquals("POST", reqs.get(1).method());
        assertEquals("/api/bk-job/prod/api/v3/batch_get_job_instance_ip_log", reqs.get(1).pathAndQuery());
        assertEquals(MAPPER.readTree("{\"bk_scope_type\":\"biz\",\"bk_scope_id\":\"2\",\"job_instance_id\":" + job
                + ",\"step_instance_id\":" + JobScenario.step(sb, job, 0) + ",\"host_id_list\":[102]}"),
                MAPPER.readTree(reqs.get(1).body()));
    }

    @Test
    void oneHostPrintsItsLogAsGivenReadByHostId() {
        CliRun.Result r = log(0, "--host", "10.0.1.11");
        assertEquals(0, r.exit(), r.toString());
        assertTrue(r.out().startsWith("[2026-11-25 10:00:00][PID:10707] job_start\n"), r.out());
        assertTrue(r.out().endsWith("脚本执行完成 script finished, exit code 0\n"), r.out());
        RecordedRequest req = sb.requests().get(1);
        assertEquals("GET /api/bk-job/prod/api/v3/get_job_instance_ip_log?bk_scope_type=biz&bk_scope_id=2&job_instance_id="
                + job + "&step_instance_id=" + JobScenario.step(sb, job, 0) + "&bk_host_id=101",
                req.method() + " " + req.pathAndQuery());
    }

    @Test
    void fileStepShowsTransfersReadably() {
        passFileStep();
        CliRun.Result r = log(1, "--all");
        assertEquals(0, r.exit(), r.toString());
        Golden.assertMatches("job/log-file-step-all.txt", r.out());
    }

    @Test
    void aHostTheStepDoesNotListIsAskedByCloudAndIp() {
        passFileStep();
        CliRun.Result r = log(1, "--host", "10.0.0.10");
        assertEquals(0, r.exit(), r.toString());
        assertTrue(r.out().startsWith("upload   10.0.0.10:/data/release/app-1.4.2.tar.gz   success\n"), r.out());
        assertTrue(sb.requests().get(1).pathAndQuery().endsWith("&bk_cloud_id=0&ip=10.0.0.10"));
    }

    @Test
    void noFailedHostSaysSoAndHowToSeeMore() {
        passFileStep();
        CliRun.Result r = log(0);
        assertEquals(0, r.exit(), r.toString());
        assertEquals("", r.out());
        assertEquals("no failed host in step " + JobScenario.step(sb, job, 0) + " (3 hosts, state SUCCESS); "
                + "--all shows every host, --host IP one\n", r.err());
    }

    @Test
    void aConfirmationStepHasNoLogs() {
        CliRun.Result r = log(2);
        assertEquals(0, r.exit(), r.toString());
        assertEquals("step " + JobScenario.step(sb, job, 2) + " is a manual confirmation: it has no host logs\n", r.err());
    }

    @Test
    void jsonlPrintsOneHostLogALine() throws Exception {
        CliRun.Result r = log(0, "--all", "-o", "jsonl");
        assertEquals(0, r.exit(), r.toString());
        String[] lines = r.out().split("\n");
        assertEquals(3, lines.length);
        JsonNode second = MAPPER.readTree(lines[1]);
        assertEquals("10.0.1.12", second.path("ip").asText());
        assertTrue(second.path("log_content").asText().contains("exit code 1"));
    }

    @Test
    void jsonIsTheApiData() throws Exception {
        CliRun.Result r = log(0, "-o", "json");
        assertEquals(0, r.exit(), r.toString());
        JsonNode data = MAPPER.readTree(r.out());
        assertEquals(1, data.path("log_type").asInt());
        assertEquals(job, data.path("job_instance_id").asLong());
        assertEquals(102, data.at("/script_task_logs/0/host_id").asLong(), "bk-job EsbScriptHostLogV3DTO's key");
    }

    @Test
    void esbPostsBothLogApisToTheComponentPaths() throws Exception {
        long step = JobScenario.step(sb, job, 0);
        sb.clearRequests();
        assertEquals(0, sb.runEsb("job", "log", "" + job, "--step", "" + step).exit());
        assertEquals(0, sb.runEsb("job", "log", "" + job, "--step", "" + step, "--host", "10.0.1.12").exit());
        List<String> calls = sb.requests().stream().map(q -> q.method() + " " + q.pathAndQuery()).toList();
        assertEquals(List.of("POST /api/c/compapi/v2/jobv3/get_job_instance_status/",
                "POST /api/c/compapi/v2/jobv3/batch_get_job_instance_ip_log/",
                "POST /api/c/compapi/v2/jobv3/get_job_instance_status/",
                "POST /api/c/compapi/v2/jobv3/get_job_instance_ip_log/"), calls);
        JsonNode body = MAPPER.readTree(sb.requests().get(3).body());
        assertEquals("biz", body.path("bk_scope_type").asText());
        assertEquals(102, body.path("bk_host_id").asLong());
    }

    @Test
    void unknownStepIsNotFound() {
        sb.clearRequests();
        CliRun.Result r = sb.run("job", "log", "" + job, "--step", "7");
        assertEquals(5, r.exit(), r.toString());
        assertTrue(r.err().startsWith("bkops: job " + job + " has no step 7 (its steps: "), r.err());
    }
}
