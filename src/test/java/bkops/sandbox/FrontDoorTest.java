package bkops.sandbox;

import bkops.testing.BkopsTest;
import bkops.testing.TestSandbox;
import org.junit.jupiter.api.Test;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Gateway authentication, gateway 404s, reversed path orders and the ESB door. */
@BkopsTest
class FrontDoorTest {
    static TestSandbox c;

    private static void assertGatewayError(TestSandbox.Res r, int status, int code, String codeName, String message) {
        assertEquals(status, r.status());
        assertEquals(java.util.Set.of("code", "data", "code_name", "message", "result"), r.body().keySet());
        assertEquals(code, r.body().get("code"));
        assertEquals(codeName, r.body().get("code_name"));
        assertEquals(message, r.body().get("message"));
        assertEquals(false, r.body().get("result"));
        assertTrue(r.body().containsKey("data") && r.body().get("data") == null);
        assertEquals(String.valueOf(code), r.header("X-Bkapi-Error-Code"));
        assertNotNull(r.header("X-Bkapi-Error-Message"));
        assertNotNull(r.header("X-Bkapi-Request-Id"));
    }

    private TestSandbox.Res withAuth(String auth) {
        return c.send("GET", c.sandbox().sopsGatewayUrl() + "/get_template_list/2/", null, auth);
    }

    @Test
    void missingOrInvalidHeaderMeansNoAppCode() {
        String expected = "Parameters error [reason=\"app code cannot be empty\"]";
        assertGatewayError(withAuth(null), 400, 1640001, "INVALID_ARGS", expected);
        assertGatewayError(withAuth("not json"), 400, 1640001, "INVALID_ARGS", expected);
    }

    @Test
    void wrongSecretAndMissingSecret() {
        assertGatewayError(withAuth("{\"bk_app_code\":\"bkops-sandbox\",\"bk_app_secret\":\"nope\",\"bk_username\":\"admin\"}"),
                400, 1640001, "INVALID_ARGS", "Parameters error [reason=\"bk_app_code or bk_app_secret is incorrect\"]");
        assertGatewayError(withAuth("{\"bk_app_code\":\"bkops-sandbox\",\"bk_username\":\"admin\"}"),
                400, 1640001, "INVALID_ARGS", "Parameters error [reason=\"please provide bk_app_secret or bk_signature to verify app\"]");
    }

    @Test
    void userMustBeGivenOrVerified() {
        String noUser = "Parameters error [reason=\"user authentication failed, please provide a valid user identity, such as bk_username, bk_token, access_token\"]";
        assertGatewayError(withAuth("{\"bk_app_code\":\"bkops-sandbox\",\"bk_app_secret\":\"sandbox-secret-0000\"}"), 400, 1640001, "INVALID_ARGS", noUser);
        assertGatewayError(withAuth("{\"bk_app_code\":\"bkops-sandbox\",\"bk_app_secret\":\"sandbox-secret-0000\",\"bk_token\":\"bad\"}"),
                400, 1640001, "INVALID_ARGS", noUser);
        assertEquals(true, withAuth("{\"bk_app_code\":\"bkops-sandbox\",\"bk_app_secret\":\"sandbox-secret-0000\",\"bk_token\":\"sandbox-bk-token\"}").body().get("result"));
        assertEquals(true, withAuth("{\"access_token\":\"sandbox-access-token\"}").body().get("result"));
        assertEquals(400, withAuth("{\"access_token\":\"other\"}").status());
    }

    @Test
    void credentialsInParamsAreNotReadOnTheGateway() {
        String q = "?bk_app_code=bkops-sandbox&bk_app_secret=sandbox-secret-0000&bk_username=admin";
        TestSandbox.Res r = c.send("GET", c.sandbox().sopsGatewayUrl() + "/get_template_list/2/" + q, null, null);
        assertEquals(400, r.status());
    }

    @Test
    void wrongMethodOrUnknownApiOrQueryTaskCountIsApiNotFound() {
        TestSandbox.Res wrongMethod = c.post("/get_template_list/2/", Map.of());
        assertGatewayError(wrongMethod, 404, 1640401, "API_NOT_FOUND",
                "API not found [method=\"POST\" path=\"/api/bk-sops/prod/get_template_list/2/\"]");
        assertEquals(404, c.get("/no_such_api/2/").status());
        assertEquals(404, c.get("/get_task_status/2/").status());
        assertEquals(404, c.post("/query_task_count/2/", Map.of("group_by", "status")).status());
    }

    @Test
    void reversedEndpointsTakeBizIdFirst() {
        long task = c.createTask(1, null);
        assertEquals(true, c.get("/get_task_node_data/2/" + task + "/?node_id=x").body().containsKey("code"));
        // wrong order: the task id is read as the business id
        TestSandbox.Res wrong = c.post("/operate_node/" + task + "/2/", Map.of("node_id", "x", "action", "retry"));
        assertEquals(3540400, wrong.body().get("code"));
        assertEquals("project(" + task + ") with scope(cmdb_biz) does not exist.", wrong.body().get("message"));
        assertEquals(3540400, c.get("/get_template_schemes/1/2/").body().get("code"));
        assertEquals(true, c.get("/get_template_schemes/2/1/").body().get("result"));
        assertEquals(3540400, c.post("/preview_task_tree/1/2/", Map.of()).body().get("code"));
        assertEquals(true, c.post("/preview_task_tree/2/1/", Map.of()).body().get("result"));
        assertEquals(3540400, c.get("/get_task_node_data/" + task + "/2/?node_id=x").body().get("code"));
    }

    @Test
    void esbTakesIdsAndCredentialsAsFields() {
        String q = "?bk_app_code=bkops-sandbox&bk_app_secret=sandbox-secret-0000&bk_username=admin&bk_biz_id=2&template_id=1";
        TestSandbox.Res info = c.send("GET", c.sandbox().esbUrl() + "/api/c/compapi/v2/sops/get_template_info/" + q, null, null);
        assertEquals(200, info.status());
        assertEquals(true, info.body().get("result"));
        assertNotNull(info.body().get("request_id"));
        assertEquals(1L, ((Number) info.dataMap().get("id")).longValue());
        Map<String, Object> create = Map.of("bk_app_code", "bkops-sandbox", "bk_app_secret", "sandbox-secret-0000",
                "bk_username", "admin", "bk_biz_id", 2, "template_id", 1, "name", "via esb");
        TestSandbox.Res created = c.send("POST", c.sandbox().esbUrl() + "/api/c/compapi/v2/sops/create_task/", create, null);
        assertEquals(true, created.body().get("result"));
        TestSandbox.Res count = c.send("POST", c.sandbox().esbUrl() + "/api/c/compapi/v2/sops/query_task_count/",
                Map.of("bk_app_code", "bkops-sandbox", "bk_app_secret", "sandbox-secret-0000", "bk_username", "admin",
                        "bk_biz_id", 2, "group_by", "status"), null);
        assertEquals(true, count.body().get("result"));
        assertTrue(((Number) count.dataMap().get("total")).intValue() >= 1);
        TestSandbox.Res denied = c.send("GET", c.sandbox().esbUrl() + "/api/c/compapi/v2/sops/get_template_list/?bk_biz_id=2", null, null);
        assertEquals(200, denied.status());
        assertEquals(1640001, denied.body().get("code"));
        assertEquals(false, denied.body().get("result"));
    }

    @Test
    void recordsRequestsOldestFirst() {
        c.sandbox().clearRequests();
        c.get("/get_template_list/2/?name_keyword=" + URLEncoder.encode("线性", StandardCharsets.UTF_8));
        c.post("/preview_task_tree/2/1/", Map.of("exclude_task_nodes_id", List.of()));
        List<RecordedRequest> reqs = c.sandbox().requests();
        assertEquals(2, reqs.size());
        assertEquals("GET", reqs.get(0).method());
        assertTrue(reqs.get(0).pathAndQuery().startsWith("/api/bk-sops/prod/get_template_list/2/?name_keyword="));
        assertEquals("POST", reqs.get(1).method());
        assertEquals("{\"exclude_task_nodes_id\":[]}", reqs.get(1).body());
        assertNotNull(reqs.get(1).header("x-bkapi-authorization"));
    }
}
