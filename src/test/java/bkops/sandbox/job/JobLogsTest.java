package bkops.sandbox.job;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

/** get_job_instance_ip_log, batch_get_job_instance_ip_log and get_step_instance_status on the deploy plan. */
class JobLogsTest {
    private final JobWorld w = new JobWorld();

    /** The deploy job after the failed first run: script logs exist for all three hosts. */
    private long failedDeploy() {
        long job = w.launch(JobPlans.DEPLOY);
        w.after(5_000);
        return job;
    }

    @Test
    void scriptLogByHostIdShowsTheFailure() {
        long job = failedDeploy();
        JsonNode data = w.call("get_job_instance_ip_log", "job_instance_id", job,
                "step_instance_id", w.stepId(job, 0), "bk_host_id", 102).path("data");
        assertEquals(1, data.path("log_type").asInt());
        assertEquals(102, data.path("bk_host_id").asLong());
        // EsbGetJobInstanceIpLogV3ResourceImpl echoes the request's ip and bk_cloud_id: asked by host id, both null
        assertTrue(data.path("ip").isNull());
        assertTrue(data.path("bk_cloud_id").isNull());
        String log = data.path("log_content").asText();
        assertTrue(log.startsWith("[2026-11-25 10:00:00][PID:"), log);
        assertTrue(log.contains("磁盘使用率 96%"), log);
        assertTrue(log.endsWith("exit code 1\n"), log);
        assertTrue(log.lines().count() >= 4);
    }

    @Test
    void scriptLogByCloudAndIpShowsTheSuccess() {
        long job = failedDeploy();
        JsonNode data = w.call("get_job_instance_ip_log", "job_instance_id", job,
                "step_instance_id", w.stepId(job, 0), "bk_cloud_id", 0, "ip", "10.0.1.11").path("data");
        assertEquals(101, data.path("bk_host_id").asLong());
        String log = data.path("log_content").asText();
        assertTrue(log.contains("environment check passed"), log);
        assertTrue(log.endsWith("exit code 0\n"), log);
    }

    @Test
    void logOfTheLatestExecutionAfterRetry() {
        long job = failedDeploy();
        long step = w.stepId(job, 0);
        w.operate(job, step, 2);
        w.after(4_000);
        String log = w.call("get_job_instance_ip_log", "job_instance_id", job, "step_instance_id", step,
                "bk_host_id", 102).at("/data/log_content").asText();
        assertTrue(log.contains("disk usage 61%"), log);
        assertTrue(log.startsWith("[2026-11-25 10:00:05]"), "the retry started at +5 s: " + log);
    }

    @Test
    void hostLogNeedsAHost() {
        long job = failedDeploy();
        JsonNode body = w.call("get_job_instance_ip_log", "job_instance_id", job,
                "step_instance_id", w.stepId(job, 0), "ip", "10.0.1.11");
        assertEquals(1241007, body.path("code").asLong());
        assertEquals("Missing or invalid request parameter [host_id/(bk_cloud_id+ip)]", body.path("message").asText());
    }

    @Test
    void fileLogsOfTargetAndSource() {
        long job = failedDeploy();
        w.operate(job, w.stepId(job, 0), 2);
        w.after(10_000); // the file step ran from +9 s to +15 s
        long step = w.stepId(job, 1);
        JsonNode target = w.call("get_job_instance_ip_log", "job_instance_id", job, "step_instance_id", step,
                "bk_host_id", 103).path("data");
        assertEquals(2, target.path("log_type").asInt());
        JsonNode download = target.at("/file_logs/0");
        assertEquals(1, download.path("mode").asInt());
        assertEquals(4, download.path("status").asInt());
        assertEquals(100, download.at("/src_ip/bk_host_id").asLong());
        assertEquals("10.0.1.13", download.at("/dest_ip/ip").asText());
        assertEquals("/opt/app/app-1.4.2.tar.gz", download.path("dest_path").asText());
        assertTrue(download.path("log_content").asText().contains("dest agent success download file"));

        JsonNode source = w.call("get_job_instance_ip_log", "job_instance_id", job, "step_instance_id", step,
                "bk_host_id", 100).path("data");
        JsonNode upload = source.at("/file_logs/0");
        assertEquals(0, upload.path("mode").asInt());
        assertTrue(upload.path("dest_ip").isNull());
        assertTrue(upload.path("log_content").asText().contains("source agent success upload file"));
    }

    @Test
    void fileLogAskedByIpNamesTheHostFoundInItsTransfers() {
        long job = failedDeploy();
        w.operate(job, w.stepId(job, 0), 2);
        w.after(10_000);
        long step = w.stepId(job, 1);
        // EsbGetJobInstanceIpLogV3ResourceImpl.buildFileLog: the first src or dest ip equal to the asked one
        JsonNode target = w.call("get_job_instance_ip_log", "job_instance_id", job, "step_instance_id", step,
                "bk_cloud_id", 0, "ip", "10.0.1.12").path("data");
        assertEquals(102, target.path("bk_host_id").asLong(), target.toString());
        assertEquals(2, target.path("file_logs").size(), "its download, then the source's upload");
        JsonNode source = w.call("get_job_instance_ip_log", "job_instance_id", job, "step_instance_id", step,
                "bk_cloud_id", 0, "ip", "10.0.0.10").path("data");
        assertEquals(100, source.path("bk_host_id").asLong(), source.toString());
        JsonNode stranger = w.call("get_job_instance_ip_log", "job_instance_id", job, "step_instance_id", step,
                "bk_cloud_id", 0, "ip", "10.9.9.9").path("data");
        assertTrue(stranger.path("bk_host_id").isNull(), stranger.toString());
        assertEquals(1, stranger.path("file_logs").size(), "the upload is listed whichever host is asked");
    }

    @Test
    void batchLogsIgnoreHostsOutsideTheStep() {
        long job = failedDeploy();
        JsonNode data = w.call("batch_get_job_instance_ip_log", "job_instance_id", job,
                "step_instance_id", w.stepId(job, 0), "host_id_list", List.of(101, 103, 999)).path("data");
        assertEquals(1, data.path("log_type").asInt());
        assertEquals(job, data.path("job_instance_id").asLong());
        JsonNode logs = data.path("script_task_logs");
        assertEquals(2, logs.size());
        assertEquals(103, logs.at("/1/host_id").asLong(), "EsbScriptHostLogV3DTO: host_id, not bk_host_id");
        assertFalse(logs.at("/1/log_content").asText().isEmpty());
    }

    @Test
    void batchLogsByIpList() {
        long job = failedDeploy();
        JsonNode logs = w.call("batch_get_job_instance_ip_log", "job_instance_id", job,
                "step_instance_id", w.stepId(job, 0),
                "ip_list", List.of(Map.of("bk_cloud_id", 0, "ip", "10.0.1.12"))).at("/data/script_task_logs");
        assertEquals(1, logs.size());
        assertEquals(102, logs.at("/0/host_id").asLong());
    }

    @Test
    void batchLogsAllowAtMost500Hosts() {
        long job = failedDeploy();
        long step = w.stepId(job, 0);
        List<Long> ok = LongStream.rangeClosed(1, 500).boxed().toList();
        assertTrue(w.call("batch_get_job_instance_ip_log", "job_instance_id", job, "step_instance_id", step,
                "host_id_list", ok).path("result").asBoolean());
        for (Object hosts : new Object[] {LongStream.rangeClosed(1, 501).boxed().toList(), List.of()}) {
            JsonNode refused = w.call("batch_get_job_instance_ip_log", "job_instance_id", job,
                    "step_instance_id", step, "host_id_list", hosts);
            assertEquals(1241007, refused.path("code").asLong());
            assertEquals("Missing or invalid request parameter [host_id_list/ip_list]",
                    refused.path("message").asText());
        }
    }

    @Test
    void stepStatusGroupsHostsByResult() {
        long job = failedDeploy();
        JsonNode data = w.call("get_step_instance_status", "job_instance_id", job,
                "step_instance_id", w.stepId(job, 0)).path("data");
        assertEquals(4, data.path("status").asInt());
        JsonNode groups = data.path("step_result_group_list");
        assertEquals(2, groups.size());
        assertEquals(9, groups.at("/0/result_type").asInt());
        assertEquals(2, groups.at("/0/host_size").asInt());
        assertEquals(104, groups.at("/1/result_type").asInt());
        assertEquals("Script return value non-zero", groups.at("/1/host_result_list/0/status_desc").asText());
        assertTrue(groups.at("/1/host_result_list/0/ipv6").isNull());
    }

    @Test
    void stepStatusFilters() {
        long job = failedDeploy();
        long step = w.stepId(job, 0);
        JsonNode capped = w.call("get_step_instance_status", "job_instance_id", job, "step_instance_id", step,
                "max_host_num_per_group", "1").at("/data/step_result_group_list/0");
        assertEquals(2, capped.path("host_size").asInt());
        assertEquals(1, capped.path("host_result_list").size());
        JsonNode byStatus = w.call("get_step_instance_status", "job_instance_id", job, "step_instance_id", step,
                "status", "104").at("/data/step_result_group_list");
        assertEquals(1, byStatus.size());
        JsonNode byKeyword = w.call("get_step_instance_status", "job_instance_id", job, "step_instance_id", step,
                "keyword", "threshold").at("/data/step_result_group_list");
        assertEquals(102, byKeyword.at("/0/host_result_list/0/bk_host_id").asLong());
        assertEquals(1, byKeyword.size());
    }

    @Test
    void stepStatusNeedsScopeFieldsAndGet() {
        long job = failedDeploy();
        long step = w.stepId(job, 0);
        JsonNode legacy = w.call("get_step_instance_status", "bk_scope_type", null, "bk_scope_id", null,
                "bk_biz_id", 2, "job_instance_id", job, "step_instance_id", step);
        assertEquals(1240003, legacy.path("code").asLong());
        Map<String, Object> params = Map.of("bk_scope_type", "biz", "bk_scope_id", "2",
                "job_instance_id", job, "step_instance_id", step);
        Map<String, Object> post = JobSimulator.handle(w.state, "get_step_instance_status", "POST", params, "admin", w.now);
        assertEquals(1240003L, post.get("code"));
    }
}
