package bkops.model.job;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** The verbatim documentation examples (src/test/resources/fixtures/job) parsed into the job models. */
class JobModelsTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Path FIXTURES = Path.of("src/test/resources/fixtures/job");

    private static JsonNode data(String file) throws IOException {
        return MAPPER.readTree(FIXTURES.resolve(file).toFile()).path("data");
    }

    @Test
    void jobInstanceStatusOfTheGatewayExample() throws IOException {
        JobInstance job = JobInstance.parse(data("apigw-get_job_instance_status-response.json"));
        assertEquals(100, job.id());
        assertEquals("API Quick execution script1521089795887", job.name());
        assertEquals("biz", job.scopeType());
        assertEquals("1", job.scopeId());
        assertEquals(RunStatus.FAILED, job.status());
        assertTrue(job.finished(), "the server calls a failed job finished");
        assertEquals(1000L, job.totalTime());
        StepInstance step = job.steps().get(0);
        assertEquals(new StepInstance(75, "API Quick execution scriptxxx", StepType.SCRIPT, RunStatus.FAILED, 0,
                1605064271000L, 1605064272000L, 1000L, step.hosts()), step);
        assertEquals(1, step.runs());
        assertEquals(List.of(new HostResult(101, "127.0.0.1", 0, 9, 0, 0, 1605064271000L, 1605064272000L, 1000L)),
                step.hosts());
        assertEquals("success", step.hosts().get(0).statusWord());
        assertEquals(List.of(), step.failedHosts());
        assertEquals(Optional.of(step), job.currentStep());
    }

    @Test
    void theEsbExampleReadsTheSame() throws IOException {
        assertEquals(JobInstance.parse(data("apigw-get_job_instance_status-response.json")),
                JobInstance.parse(data("esb-get_job_instance_status-response.json")));
    }

    @Test
    void oneHostScriptLog() throws IOException {
        HostLog log = HostLog.parse(data("esb-get_job_instance_ip_log-response-script.json"));
        assertEquals(new HostLog(101, "127.0.0.1", 0, "[2018-03-15 14:39:30][PID:56875] job_start\n", List.of()), log);
    }

    @Test
    void oneHostFileLogWithTheDocsHostIdTypo() throws IOException {
        HostLog log = HostLog.parse(data("esb-get_job_instance_ip_log-response-file.json"));
        assertEquals("", log.content());
        FileLog download = log.fileLogs().get(0);
        assertFalse(download.upload());
        assertEquals("127.0.0.2", download.srcIp(), "src_ip carries host_id instead of bk_host_id; the ip still reads");
        assertEquals("/data/1.log", download.srcPath());
        assertEquals("127.0.0.1", download.destIp());
        assertEquals("/tmp/1.log", download.destPath());
        assertEquals("success", download.statusWord());
        assertEquals("", download.size(), "only the batch API gives sizes");
        FileLog upload = log.fileLogs().get(1);
        assertTrue(upload.upload());
        assertEquals("", upload.destIp());
        assertTrue(upload.content().endsWith("Detail: success upload"));
    }

    @Test
    void batchScriptLogs() throws IOException {
        List<HostLog> logs = HostLog.parseBatch(data("esb-batch_get_job_instance_ip_log-response-script.json"));
        assertEquals(List.of("127.0.0.1", "127.0.0.2"), logs.stream().map(HostLog::ip).toList());
        assertEquals("[2018-03-15 14:39:30][PID:16789] job_start\n", logs.get(1).content());
    }

    @Test
    void batchFileLogsCarrySizeSpeedAndProgress() throws IOException {
        List<HostLog> logs = HostLog.parseBatch(data("esb-batch_get_job_instance_ip_log-response-file.json"));
        assertEquals(2, logs.size());
        FileLog f = logs.get(0).fileLogs().get(0);
        assertEquals("1.0 Bytes", f.size());
        assertEquals("0 KB/s", f.speed());
        assertEquals("100%", f.progress());
        assertTrue(logs.get(1).fileLogs().get(0).upload());
    }

    @Test
    void operationsByNameAndCodeWithTheStatesTheyNeed() {
        assertEquals(StepOperation.RETRY_FAILED, StepOperation.parse("retry-failed"));
        assertEquals(StepOperation.FORCE_SKIP, StepOperation.parse("12"));
        assertEquals(StepOperation.NEXT_STEP, StepOperation.parse(" Next-Step "));
        assertNull(StepOperation.parse("14"), "bk-job StepOperationEnum ends at 13 (rolling-continue)");
        assertNull(StepOperation.parse("skip"));
        assertEquals("FAILED, ABNORMAL or TERMINATED", StepOperation.RETRY_FAILED.allowedWords());
        assertEquals("TERMINATING", StepOperation.FORCE_SKIP.allowedWords());
        assertTrue(StepOperation.NEXT_STEP.allows(RunStatus.TERMINATED));
        assertFalse(StepOperation.NEXT_STEP.allows(RunStatus.TERMINATING));
        assertFalse(StepOperation.CONFIRM.fitsType(StepType.SCRIPT));
        assertTrue(StepOperation.RETRY_ALL.fitsType(StepType.CONFIRM), "the server checks no type for retries");
        assertTrue(StepOperation.TERMINATE_CONFIRM.destructive());
        assertFalse(StepOperation.CONFIRM.destructive());
    }

    @Test
    void statusCodesInWords() {
        assertEquals(RunStatus.TERMINATED, RunStatus.of(11));
        assertEquals(RunStatus.UNKNOWN, RunStatus.of(12), "12 exists only in old docs");
        assertEquals(RunStatus.Outcome.FAILED, RunStatus.of(11).outcome());
        assertEquals(RunStatus.Outcome.WAITING, RunStatus.WAITING_USER.outcome());
        assertEquals(RunStatus.Outcome.IN_PROGRESS, RunStatus.TERMINATING.outcome());
        assertEquals(RunStatus.Outcome.SUCCESS, RunStatus.ERROR_IGNORED.outcome());
        assertEquals("script exit code non-zero", HostStatus.word(104));
        assertEquals("status 42", HostStatus.word(42));
        assertTrue(HostStatus.failed(403), "a terminated host did not do its work");
        assertFalse(HostStatus.failed(3));
        assertEquals(StepType.CONFIRM, StepType.of(3));
    }

    private static JobInstance job(int jobStatus, int... stepStatuses) {
        StringBuilder steps = new StringBuilder();
        for (int i = 0; i < stepStatuses.length; i++) {
            steps.append(i == 0 ? "" : ",").append("{\"step_instance_id\":").append(i + 1).append(",\"status\":")
                    .append(stepStatuses[i]).append('}');
        }
        try {
            return JobInstance.parse(MAPPER.readTree("{\"job_instance\":{\"status\":" + jobStatus
                    + "},\"step_instance_list\":[" + steps + "]}"));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void currentStepIsTheLastStepThatStarted() {
        assertEquals(2, job(2, 11, 2, 1).currentStep().orElseThrow().id(), "next-step leaves a TERMINATED step behind");
        assertEquals(2, job(4, 6, 4, 1).currentStep().orElseThrow().id());
        assertEquals(1, job(7, 7, 1).currentStep().orElseThrow().id());
        assertEquals(Optional.empty(), job(3, 3, 3).currentStep(), "a job that succeeded is at no step");
        assertEquals(Optional.empty(), job(1, 1, 1).currentStep());
    }

    @Test
    void jobLinkFromANodesOutputs() throws IOException {
        // The shape of get_task_node_detail's doc example (whose file is not valid JSON as a whole).
        JsonNode list = MAPPER.readTree("[{\"value\": 407584, \"name\": \"JOB任务ID\", \"key\": \"job_inst_id\", "
                + "\"preset\": true}, {\"value\": true, \"name\": \"执行结果\", \"key\": \"_result\", \"preset\": true}]");
        assertEquals(Optional.of(new JobLink(407584)), JobLink.fromNodeOutputs(list));
        assertEquals("bkops job status 407584", JobLink.fromNodeOutputs(list).orElseThrow().statusCommand());
        assertEquals(Optional.of(new JobLink(12)), JobLink.fromNodeOutputs(MAPPER.readTree("{\"job_inst_id\": \"12\"}")));
        assertEquals(Optional.empty(), JobLink.fromNodeOutputs(MAPPER.readTree("[{\"key\": \"job_inst_id\", \"value\": \"\"}]")));
        assertEquals(Optional.empty(), JobLink.fromNodeOutputs(MAPPER.readTree("[]")));
    }

    @Test
    void jobLinksFromAFilePushNodeV2List() throws IOException {
        // bk-sops fast_push_file/v2_0.py: outputs job_instance_id_list, a list; an unreached output's value is ""
        JsonNode v2 = MAPPER.readTree("[{\"key\": \"task_count\", \"value\": 2}, {\"key\": \"job_instance_id_list\", "
                + "\"value\": [20001, \"20002\"]}, {\"key\": \"job_inst_url\", \"value\": [\"http://job/api_execute/20001\"]}]");
        assertEquals(List.of(new JobLink(20001), new JobLink(20002)), JobLink.allFromNodeOutputs(v2));
        assertEquals(Optional.of(new JobLink(20001)), JobLink.fromNodeOutputs(v2));
        assertEquals(List.of(new JobLink(7)), JobLink.allFromNodeOutputs(MAPPER.readTree("{\"job_instance_id_list\": \"[7]\"}")));
        assertEquals(List.of(), JobLink.allFromNodeOutputs(MAPPER.readTree("[{\"key\": \"job_instance_id_list\", \"value\": \"\"}]")));
    }

    @Test
    void rollingContinueIsCode13ForAScriptOrFileStepWaitingForAPerson() {
        assertEquals(StepOperation.ROLLING_CONTINUE, StepOperation.parse("rolling-continue"));
        assertEquals(StepOperation.ROLLING_CONTINUE, StepOperation.parse("13"));
        assertTrue(StepOperation.ROLLING_CONTINUE.allows(RunStatus.WAITING_USER));
        assertFalse(StepOperation.ROLLING_CONTINUE.allows(RunStatus.ROLLING_WAITING), "15 is between batches, not paused");
        assertTrue(StepOperation.ROLLING_CONTINUE.fitsType(StepType.SCRIPT));
        assertTrue(StepOperation.ROLLING_CONTINUE.fitsType(StepType.FILE));
        assertFalse(StepOperation.ROLLING_CONTINUE.fitsType(StepType.CONFIRM));
        assertFalse(StepOperation.CONFIRM.fitsType(StepType.SCRIPT));
        assertEquals(StepOperation.ROLLING_CONTINUE, StepOperation.toContinue(StepType.SCRIPT));
        assertEquals(StepOperation.CONFIRM, StepOperation.toContinue(StepType.CONFIRM));
    }

    @Test
    void fileLogStatusZeroIsPullingAndAMissingStatusIsNot() throws IOException {
        assertEquals("pulling", FileLog.parse(MAPPER.readTree("{\"mode\": 0, \"status\": 0}")).statusWord());
        assertEquals("unknown", FileLog.parse(MAPPER.readTree("{\"mode\": 0, \"status\": null}")).statusWord());
    }

    @Test
    void batchScriptLogsCallTheHostHostId() throws IOException {
        HostLog log = HostLog.parse(MAPPER.readTree("{\"host_id\": 102, \"bk_cloud_id\": 0, \"ip\": \"10.0.1.12\", "
                + "\"ipv6\": null, \"log_content\": \"x\"}"));
        assertEquals(102, log.bkHostId());
        HostLog file = HostLog.parse(MAPPER.readTree("{\"bk_cloud_id\": 0, \"ip\": \"10.0.1.12\", \"file_logs\": []}"));
        assertTrue(file.isOf(new HostResult(102, "10.0.1.12", 0, 9, 0, 0, null, null, null)), "matched by cloud and ip");
        assertFalse(file.isOf(new HostResult(102, "10.0.1.12", 1, 9, 0, 0, null, null, null)));
    }
}
