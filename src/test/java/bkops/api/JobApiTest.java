package bkops.api;

import static org.junit.jupiter.api.Assertions.assertEquals;

import bkops.cli.job.JobScenario;
import bkops.sandbox.RecordedRequest;
import bkops.sandbox.SandboxCredentials;
import bkops.testing.BkopsTest;
import bkops.testing.TestSandbox;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.LongStream;

@BkopsTest
class JobApiTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private static ApiClient client(String jobUrl, String biz) {
        Credentials creds = new Credentials(SandboxCredentials.APP_CODE, SandboxCredentials.APP_SECRET,
                SandboxCredentials.USERNAME, null, null);
        return new ApiClient(new ClientConfig(null, jobUrl, FrontDoor.APIGW, biz, "cmdb_biz", creds,
                Duration.ofSeconds(5), Duration.ofSeconds(20), 0, false, null, ClientConfig.Trace.NONE));
    }

    @Test
    void operateBodyIsTheDocumentedRequest() throws Exception {
        try (ApiClient c = client("http://127.0.0.1:9", "1")) {
            JsonNode doc = MAPPER.readTree(Path.of("src/test/resources/fixtures/job/apigw-operate_step_instance-request.json")
                    .toFile());
            // Compared as the wire sees it: the JSON text read back (a long 100 and an int 100 are different nodes).
            assertEquals(doc, MAPPER.readTree(Json.write(new JobApi(c).operateStepParams(100, 200, 2))));
            JsonNode set = MAPPER.readTree(Json.write(new JobApi(c).bizSet("9000001").operateStepParams(100, 200, 2)));
            assertEquals("biz_set", set.path("bk_scope_type").asText());
            assertEquals("9000001", set.path("bk_scope_id").asText());
        }
    }

    @Test
    void batchLogsGoInChunksOfAtMost500HostsAndAreMerged(TestSandbox sb) throws Exception {
        try (ApiClient c = client(sb.env().get("BKOPS_JOB_URL"), "2")) {
            long job = JobScenario.launch(sb, 1001);
            sb.advance(Duration.ofSeconds(5));
            long step = JobScenario.step(sb, job, 0);
            List<Long> hosts = new ArrayList<>(LongStream.rangeClosed(1000, 2099).boxed().toList());
            hosts.add(101L);
            hosts.add(102L);
            sb.clearRequests();
            JsonNode data = new JobApi(c).batchHostLogs(job, step, hosts);
            List<Integer> sizes = new ArrayList<>();
            for (RecordedRequest r : sb.requests()) {
                sizes.add(MAPPER.readTree(r.body()).path("host_id_list").size());
            }
            assertEquals(List.of(500, 500, 102), sizes);
            assertEquals(1, data.path("log_type").asInt());
            // the first two chunks have no log: their script_task_logs is null, which the third's list replaces
            assertEquals(List.of(101L, 102L), data.path("script_task_logs").findValues("host_id").stream()
                    .map(JsonNode::asLong).toList(), "both chunks' logs merged");
        }
    }
}
