package bkops.cli.job;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import bkops.testing.BkopsTest;
import bkops.testing.CliRun;
import bkops.testing.TestSandbox;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.time.Duration;

/**
 * bkops against the Job answers bk-job 3.10's source gives rather than its doc examples (issue 12, the Job side);
 * docs/fidelity.md lists each behaviour with its source and the test here that pins it.
 */
@BkopsTest
class JobFidelityTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    TestSandbox sb;

    /** Plan 1001 after its script step failed on host 102 (+5 s). */
    private long failedDeploy() {
        long job = JobScenario.launch(sb, 1001);
        sb.advance(Duration.ofSeconds(5));
        return job;
    }

    /** Plan 1001 retried and through its file step (+16 s): the job waits at the confirmation. */
    private long deployAtConfirmation() {
        long job = failedDeploy();
        assertEquals(0, sb.run("step", "operate", "--job", "" + job, "--step", "" + JobScenario.step(sb, job, 0),
                "--op", "retry-failed").exit());
        sb.advance(Duration.ofSeconds(11));
        return job;
    }

    private CliRun.Result run(Object... args) {
        String[] a = new String[args.length];
        for (int i = 0; i < args.length; i++) {
            a[i] = String.valueOf(args[i]);
        }
        return sb.run(a);
    }

    // ---- log shapes (bk-job EsbBatchGetJobInstanceIpLogV3ResourceImpl, EsbGetJobInstanceIpLogV3ResourceImpl) ----

    @Test
    void batchScriptLogsNameTheHostHostIdAndTheHeadersStillShowItsResult() throws Exception {
        long job = failedDeploy();
        long step = JobScenario.step(sb, job, 0);
        CliRun.Result json = run("job", "log", job, "--step", step, "-o", "json");
        assertEquals(0, json.exit(), json.toString());
        JsonNode entry = MAPPER.readTree(json.out()).at("/script_task_logs/0");
        assertEquals(102, entry.path("host_id").asLong(), json.out());
        assertFalse(entry.has("bk_host_id"), "EsbScriptHostLogV3DTO has no bk_host_id: " + json.out());

        CliRun.Result text = run("job", "log", job, "--step", step);
        assertTrue(text.out().startsWith("==> 10.0.1.12  host 102, script exit code non-zero, exit 1 <==\n"),
                text.out());
    }

    @Test
    void batchFileLogsHaveNoHostIdAndAreMatchedToTheirHostsByIp() throws Exception {
        long job = deployAtConfirmation();
        long step = JobScenario.step(sb, job, 1);
        CliRun.Result json = run("job", "log", job, "--step", step, "--all", "-o", "json");
        JsonNode entry = MAPPER.readTree(json.out()).at("/file_task_logs/0");
        assertEquals("10.0.1.11", entry.path("ip").asText(), json.out());
        assertFalse(entry.has("bk_host_id"), json.out());
        assertTrue(entry.at("/file_logs/0/src_ip/bk_host_id").isNull(), "EsbIpDTO.fromCloudIp: " + json.out());

        CliRun.Result text = run("job", "log", job, "--step", step, "--all");
        assertTrue(text.out().startsWith("==> 10.0.1.11  host 101, success <==\n"), text.out());
    }

    @Test
    void oneTargetsFileLogListsItsDownloadThenTheSourcesUpload() {
        long job = deployAtConfirmation();
        CliRun.Result r = run("job", "log", job, "--step", JobScenario.step(sb, job, 1), "--host", "10.0.1.12");
        assertEquals(0, r.exit(), r.toString());
        String[] lines = r.out().split("\n");
        assertTrue(lines[0].startsWith("download 10.0.0.10:/data/release/app-1.4.2.tar.gz -> 10.0.1.12:"), r.out());
        assertTrue(lines[2].startsWith("upload   10.0.0.10:/data/release/app-1.4.2.tar.gz   success"), r.out());
    }

    @Test
    void oneHostsLogAskedByHostIdEchoesNoIp() throws Exception {
        long job = failedDeploy();
        CliRun.Result r = run("job", "log", job, "--step", JobScenario.step(sb, job, 0), "--host", "10.0.1.11",
                "-o", "json");
        JsonNode data = MAPPER.readTree(r.out());
        assertEquals(101, data.path("bk_host_id").asLong(), r.out());
        assertTrue(data.path("ip").isNull(), "the request named only bk_host_id: " + r.out());
        assertTrue(data.path("file_logs").isNull(), r.out());
    }

    @Test
    void jsonWithNoLogToReadIsStillADocument() throws Exception {
        long job = deployAtConfirmation();
        long script = JobScenario.step(sb, job, 0);
        CliRun.Result r = run("job", "log", job, "--step", script, "-o", "json");
        assertEquals(0, r.exit(), r.toString());
        assertTrue(r.err().startsWith("no failed host in step " + script), r.err());
        JsonNode data = MAPPER.readTree(r.out());
        assertEquals(job, data.path("job_instance_id").asLong());
        assertEquals(1, data.path("log_type").asInt());
        assertTrue(data.path("script_task_logs").isArray() && data.path("script_task_logs").isEmpty(), r.out());

        CliRun.Result confirm = run("job", "log", job, "--step", JobScenario.step(sb, job, 2), "-o", "json");
        assertEquals(JobScenario.step(sb, job, 2), MAPPER.readTree(confirm.out()).path("step_instance_id").asLong(),
                confirm.out());
        assertEquals("", run("job", "log", job, "--step", script, "-o", "jsonl").out(), "jsonl: no line");
    }

    @Test
    void aRunningJobWritesItsMissingTimesAsNull() throws Exception {
        long job = JobScenario.launch(sb, 1001);
        sb.advance(Duration.ofSeconds(1));
        CliRun.Result r = run("job", "status", job, "-o", "json");
        JsonNode data = MAPPER.readTree(r.out());
        assertTrue(data.at("/job_instance/end_time").isNull(), r.out());
        assertTrue(data.at("/step_instance_list/1/start_time").isNull(), r.out());
        assertEquals(2, data.at("/job_instance/bk_biz_id").asLong(), "bk_biz_id compatibility: " + r.out());
        CliRun.Result table = run("job", "status", job);
        assertEquals(0, table.exit(), table.toString());
    }

    // ---- rolling steps (bk-job StepOperationEnum.ROLLING_CONTINUE 13, TaskExecuteServiceImpl.continueRolling) ----

    /** The first Job instance and step of a fresh sandbox. */
    private static final long JOB = 20001;
    private static final long STEP = 50001;

    /** A started task of a seeded template (30 rolling release, 31 fast file push); its first node has run. */
    private String startTask(int template) {
        CliRun.Result r = run("task", "create", "--template", template, "--name", "fidelity " + template, "--start",
                "-o", "id");
        assertEquals(0, r.exit(), r.toString());
        sb.advance(Duration.ofMillis(100)); // the start event passes; the Job node starts its instance
        return r.out().trim();
    }

    @Test
    void aRollingStepBetweenBatchesWaitsForAPersonAndJobStatusSuggestsRollingContinue() {
        startTask(30);
        sb.advance(Duration.ofSeconds(3)); // batch 1 (host 101) ran for 2 s; the step waits before batch 2
        CliRun.Result r = run("job", "status", JOB, "--hosts");
        assertEquals(0, r.exit(), r.toString());
        assertTrue(r.out().contains("WAITING_USER"), r.out());
        assertTrue(r.out().matches("(?s).*10\\.0\\.1\\.11 +101 +0 +success.*10\\.0\\.1\\.12 +102 +0 +waiting.*"),
                "batch 1 ran, batches 2 and 3 wait: " + r.out());
        assertEquals("next: bkops step operate --job " + JOB + " --step " + STEP + " --op rolling-continue\n",
                r.err());
        CliRun.Result waited = run("job", "status", JOB, "--wait", "--timeout", "1m");
        assertEquals(12, waited.exit(), waited.toString());
    }

    @Test
    void confirmOnARollingStepIsRefusedAndPointsAtRollingContinueAsTheServerRefusesIt() {
        startTask(30);
        sb.advance(Duration.ofSeconds(3));
        CliRun.Result refused = run("step", "operate", "--job", JOB, "--step", STEP, "--op", "confirm");
        assertEquals(3, refused.exit(), refused.toString());
        assertTrue(refused.err().contains("needs a manual confirmation step (a script or file step waiting between "
                + "rolling batches goes on with rolling-continue)"), refused.err());
        CliRun.Result forced = run("step", "operate", "--job", JOB, "--step", STEP, "--op", "confirm", "--force");
        assertEquals(3, forced.exit(), forced.toString());
        assertTrue(forced.err().contains("1241003"), "confirmContinue: not MANUAL_CONFIRM: " + forced.err());
    }

    @Test
    void rollingContinueRunsEachNextBatchAndWaitEndsAtTheNextPauseThenAtSuccess() {
        String task = startTask(30);
        sb.advance(Duration.ofSeconds(3));
        CliRun.Result second = run("step", "operate", "--job", JOB, "--step", STEP, "--op", "rolling-continue",
                "--wait", "--timeout", "1m");
        assertEquals(12, second.exit(), "batch 2 ran; the step waits again before batch 3: " + second);
        assertTrue(second.out().startsWith("rolling-continue sent: step " + STEP + " of job " + JOB), second.out());

        CliRun.Result last = run("step", "operate", "--job", JOB, "--step", STEP, "--op", "13");
        assertEquals(0, last.exit(), last.toString());
        CliRun.Result running = run("job", "status", JOB);
        assertTrue(running.out().matches("(?s).*RUNNING +1 +-\n.*"),
                "a running rolling step keeps the end time of the batch before; shown as '-': " + running.out());
        sb.advance(Duration.ofSeconds(3));
        CliRun.Result done = run("task", "wait", task, "--timeout", "1m");
        assertEquals(0, done.exit(), done.toString());
    }

    @Test
    void aTaskWhoseRollingJobWaitsEndsTheWaitWith12AndNamesRollingContinue() {
        String task = startTask(30);
        sb.advance(Duration.ofSeconds(3));
        CliRun.Result r = run("task", "wait", task, "--timeout", "1m");
        assertEquals(12, r.exit(), r.toString());
        assertTrue(r.err().contains("Job instance " + JOB + " waits to start its next rolling batch at step " + STEP
                + " 滚动执行脚本 Rolling script"), r.err());
        assertTrue(r.err().contains("bkops step operate --job " + JOB + " --step " + STEP + " --op rolling-continue"),
                r.err());
        assertFalse(r.err().contains("--op confirm"), r.err());
    }

    // ---- fast file push (bk-sops fast_push_file v2.0+; bk-job FileDistStatusEnum.PULLING) ----

    @Test
    void aFilePushNodeV2NamesItsJobInstancesInAListAndNodeShowPointsAtThem() {
        String task = startTask(31);
        CliRun.Result r = run("node", "show", task, "分发安装包");
        assertEquals(0, r.exit(), r.toString());
        assertTrue(r.out().contains("job_instance_id_list"), r.out());
        assertTrue(r.out().contains("Job instance " + JOB + ": see it with 'bkops job status " + JOB + "'"), r.out());
    }

    @Test
    void aFileLogPullingFromAThirdPartySourceSaysPulling() throws Exception {
        String task = startTask(31);
        sb.advance(Duration.ofSeconds(1)); // the file worker pulls for 3 s; the hosts wait
        CliRun.Result r = run("job", "log", JOB, "--step", STEP, "--host", "10.0.1.11");
        assertEquals(0, r.exit(), r.toString());
        assertTrue(r.out().startsWith("upload   10.0.0.20:cos-release/app-1.5.0.tar.gz   pulling\n"), r.out());
        JsonNode json = MAPPER.readTree(run("job", "log", JOB, "--step", STEP, "--host", "10.0.1.11", "-o", "json").out());
        assertEquals(0, json.at("/file_logs/0/status").asInt(), json.toString());

        sb.advance(Duration.ofSeconds(7)); // pulled at +3 s, transferred by +7 s
        assertEquals(0, run("task", "wait", task, "--timeout", "1m").exit());
        CliRun.Result done = run("job", "log", JOB, "--step", STEP, "--host", "10.0.1.11");
        assertTrue(done.out().contains("upload   10.0.0.20:cos-release/app-1.5.0.tar.gz   success"), done.out());
    }
}
