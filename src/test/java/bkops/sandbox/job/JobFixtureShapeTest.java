package bkops.sandbox.job;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * Responses compared in shape (same keys, same JSON value types, recursively) with the verbatim documentation examples
 * in the shared fixtures, whose request examples are also fed in as parameters. ESB examples carry the ESB's own
 * {@code message} and lack bk-job's {@code job_request_id}; those two top-level keys are set aside for them.
 * Where bk-job's source answers otherwise than its doc examples, the example is patched first, each patch naming
 * the source; and since bk-job writes null fields below the envelope, a key the example leaves out may be null.
 */
class JobFixtureShapeTest {
    private static final Path FIXTURES = Path.of("src/test/resources/fixtures/job");
    private final JobWorld w = new JobWorld();

    private static String fixtureText(String name) throws IOException {
        return Files.readString(FIXTURES.resolve(name));
    }

    private static JsonNode fixture(String name) throws IOException {
        return JobWorld.MAPPER.readTree(fixtureText(name));
    }

    /** A request example as parameters, re-pointed at the sandbox's business and the given ids. */
    private Map<String, Object> request(String name, Object... kv) throws IOException {
        Map<String, Object> params = JobWorld.MAPPER.readValue(fixtureText(name), new TypeReference<>() {});
        params.put("bk_scope_id", "2");
        for (int i = 0; i < kv.length; i += 2) {
            params.put((String) kv[i], kv[i + 1]);
        }
        return params;
    }

    private JsonNode handle(String api, String method, Map<String, Object> params) {
        return JobWorld.MAPPER.valueToTree(JobSimulator.handle(w.state, api, method, params, "admin", w.now));
    }

    private static void assertGatewayShape(JsonNode expected, JsonNode actual) {
        assertTrue(actual.path("result").asBoolean(), actual::toString);
        assertSameShape("$", expected, actual);
    }

    private static void assertEsbShape(JsonNode expected, JsonNode actual) {
        assertTrue(actual.path("result").asBoolean(), actual::toString);
        ObjectNode esb = expected.deepCopy();
        esb.remove("message");
        ObjectNode ours = actual.deepCopy();
        ours.remove("job_request_id");
        assertSameShape("$", esb, ours);
    }

    /**
     * Objects: same key set, but for keys the example lacks whose value is null (only bk-job's envelope EsbResp is
     * {@code @JsonInclude(NON_NULL)}; its data objects write every field); arrays: element-wise over the common length,
     * both non-empty; values: same node type.
     */
    static void assertSameShape(String at, JsonNode expected, JsonNode actual) {
        assertEquals(expected.getNodeType(), actual.getNodeType(), at + " type");
        if (expected.isObject()) {
            Set<String> keys = names(actual);
            keys.removeIf(k -> !expected.has(k) && actual.get(k).isNull());
            assertEquals(names(expected), keys, at + " keys");
            expected.fieldNames().forEachRemaining(k -> assertSameShape(at + "." + k, expected.get(k), actual.get(k)));
        } else if (expected.isArray()) {
            assertEquals(expected.isEmpty(), actual.isEmpty(), at + " emptiness");
            for (int i = 0; i < Math.min(expected.size(), actual.size()); i++) {
                assertSameShape(at + "[" + i + "]", expected.get(i), actual.get(i));
            }
        }
    }

    private static Set<String> names(JsonNode node) {
        Set<String> names = new TreeSet<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private long finishedHealthCheck() {
        long job = w.launch(JobPlans.HEALTH_CHECK);
        w.after(2_000);
        return job;
    }

    @Test
    void comparatorNoticesAMissingKeyAndAWrongType() throws IOException {
        JsonNode expected = fixture("apigw-operate_step_instance-response.json");
        ObjectNode missing = expected.deepCopy();
        ((ObjectNode) missing.get("data")).remove("step_instance_id");
        ObjectNode retyped = expected.deepCopy();
        ((ObjectNode) retyped.get("data")).put("job_instance_id", "100");
        assertFalse(shapeMatches(expected, missing));
        assertFalse(shapeMatches(expected, retyped));
        assertTrue(shapeMatches(expected, expected.deepCopy()));
    }

    private static boolean shapeMatches(JsonNode expected, JsonNode actual) {
        try {
            assertSameShape("$", expected, actual);
            return true;
        } catch (AssertionError e) {
            return false;
        }
    }

    @Test
    void jobInstanceStatus() throws IOException {
        long job = finishedHealthCheck();
        Map<String, Object> params = request("esb-get_job_instance_status-request.json",
                "job_instance_id", job, "return_ip_result", "true");
        JsonNode actual = handle("get_job_instance_status", "GET", params);
        assertGatewayShape(withBizId(fixture("apigw-get_job_instance_status-response.json")), actual);
        assertEsbShape(withBizId(fixture("esb-get_job_instance_status-response.json")), actual);
    }

    /** EsbDTOAppScopeMappingHelper.fillEsbAppScopeDTOByAppId: job_instance has bk_biz_id while the toggle is on. */
    private static JsonNode withBizId(JsonNode doc) {
        ((ObjectNode) doc.at("/data/job_instance")).put("bk_biz_id", 1);
        return doc;
    }

    /**
     * EsbGetJobInstanceIpLogV3ResourceImpl: ip and bk_cloud_id echo the request, which (as the examples' request)
     * names only bk_host_id.
     */
    private static JsonNode askedByHostId(JsonNode doc) {
        ((ObjectNode) doc.path("data")).putNull("ip").putNull("bk_cloud_id");
        return doc;
    }

    @Test
    void stepInstanceStatus() throws IOException {
        long job = finishedHealthCheck();
        long step = w.stepId(job, 0);
        JsonNode actual = handle("get_step_instance_status", "GET",
                request("apigw-operate_step_instance-request.json", "job_instance_id", job, "step_instance_id", step));
        assertGatewayShape(fixture("apigw-get_step_instance_status-response.json"), actual);
    }

    @Test
    void operateStepInstance() throws IOException {
        long job = w.launch(JobPlans.DEPLOY);
        w.after(5_000);
        JsonNode gateway = handle("operate_step_instance", "POST", request("apigw-operate_step_instance-request.json",
                "job_instance_id", job, "step_instance_id", w.stepId(job, 0)));
        assertGatewayShape(fixture("apigw-operate_step_instance-response.json"), gateway);

        w.after(5_000);
        JsonNode esb = handle("operate_step_instance", "POST", request("esb-operate_step_instance-request.json",
                "job_instance_id", job, "step_instance_id", w.stepId(job, 0), "operation_code", 2));
        assertFalse(esb.path("result").asBoolean(), "the step passed on retry, so a second retry is refused");
        assertEquals(1241003, esb.path("code").asLong());
    }

    @Test
    void operateJobInstance() throws IOException {
        long job = w.launch(JobPlans.DEPLOY);
        JsonNode actual = handle("operate_job_instance", "POST",
                request("esb-operate_job_instance-request.json", "job_instance_id", job));
        assertEsbShape(fixture("esb-operate_job_instance-response.json"), actual);
    }

    @Test
    void scriptLogs() throws IOException {
        long job = finishedHealthCheck();
        long step = w.stepId(job, 0);
        JsonNode one = handle("get_job_instance_ip_log", "GET",
                request("esb-get_job_instance_ip_log-request.json", "job_instance_id", job, "step_instance_id", step));
        assertEsbShape(askedByHostId(fixture("esb-get_job_instance_ip_log-response-script.json")), one);
        JsonNode batch = handle("batch_get_job_instance_ip_log", "POST", request(
                "esb-batch_get_job_instance_ip_log-request.json", "job_instance_id", job, "step_instance_id", step));
        // EsbScriptHostLogV3DTO names the host "host_id" (@JsonProperty("host_id")), not bk_host_id as documented
        JsonNode expected = fixture("esb-batch_get_job_instance_ip_log-response-script.json");
        for (JsonNode log : expected.at("/data/script_task_logs")) {
            ((ObjectNode) log).set("host_id", ((ObjectNode) log).remove("bk_host_id"));
        }
        assertEsbShape(expected, batch);
    }

    @Test
    void fileLogs() throws IOException {
        long job = w.launch(JobPlans.DEPLOY);
        w.after(5_000);
        w.operate(job, w.stepId(job, 0), 2);
        w.after(10_000);
        long step = w.stepId(job, 1);

        // One host's file log is its download followed by the upload of every source (EsbGetJobInstanceIpLogV3-
        // ResourceImpl.buildFileLog), as the example shows.
        JsonNode target = handle("get_job_instance_ip_log", "GET", request("esb-get_job_instance_ip_log-request.json",
                "job_instance_id", job, "step_instance_id", step));
        // The doc example writes "host_id" once inside src_ip; EsbIpDTO writes bk_host_id.
        JsonNode expected = JobWorld.MAPPER.readTree(
                fixtureText("esb-get_job_instance_ip_log-response-file.json").replace("\"host_id\"", "\"bk_host_id\""));
        assertEsbShape(askedByHostId(expected), target);

        JsonNode batch = handle("batch_get_job_instance_ip_log", "POST", request(
                "esb-batch_get_job_instance_ip_log-request.json", "job_instance_id", job, "step_instance_id", step,
                "host_id_list", List.of(101, JobPlans.SOURCE.bkHostId())));
        // EsbFileIpLogV3DTO has no host id; its file logs' ips come from EsbIpDTO.fromCloudIp, without one either
        JsonNode batchExpected = fixture("esb-batch_get_job_instance_ip_log-response-file.json");
        for (JsonNode log : batchExpected.at("/data/file_task_logs")) {
            ((ObjectNode) log).remove("bk_host_id");
            for (JsonNode file : log.path("file_logs")) {
                for (String side : List.of("src_ip", "dest_ip")) {
                    if (file.has(side)) {
                        ((ObjectNode) file.get(side)).putNull("bk_host_id");
                    }
                }
            }
        }
        assertEsbShape(batchExpected, batch);
    }
}
