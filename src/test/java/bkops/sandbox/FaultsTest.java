package bkops.sandbox;

import bkops.testing.BkopsTest;
import bkops.testing.TestSandbox;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

@BkopsTest
class FaultsTest {
    static TestSandbox c;

    @BeforeEach
    void clear() {
        c.sandbox().faults().clear();
    }

    private HttpResponse<String> raw(Duration timeout) throws IOException, InterruptedException {
        return TestSandbox.HTTP.send(HttpRequest.newBuilder(URI.create(c.sandbox().sopsGatewayUrl() + "/get_template_list/2/"))
                .header("X-Bkapi-Authorization", TestSandbox.AUTH).timeout(timeout).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void rateLimitFiresTheGivenNumberOfTimesForOneApi() {
        c.sandbox().faults().add(new Faults.Fault(Faults.Kind.RATE_LIMIT, 2, "get_template_list", 0));
        assertEquals(200, c.get("/get_common_template_list/").status(), "other APIs are untouched");
        for (int i = 0; i < 2; i++) {
            TestSandbox.Res r = c.get("/get_template_list/2/");
            assertEquals(429, r.status());
            assertEquals(1642903, r.body().get("code"));
            assertEquals("RATE_LIMIT_RESTRICTION", r.body().get("code_name"));
            assertEquals("0", r.header("X-Bkapi-RateLimit-Remaining"));
            assertNotNull(r.header("X-Bkapi-RateLimit-Reset"));
            assertNotNull(r.header("X-Bkapi-RateLimit-Limit"));
            assertNotNull(r.header("X-Bkapi-RateLimit-Plugin"));
        }
        assertEquals(200, c.get("/get_template_list/2/").status());
    }

    @Test
    void plainBodiesLoginPageAndIamDenials() throws Exception {
        c.sandbox().faults().add(new Faults.Fault(Faults.Kind.SERVER_ERROR, 1, null, 503));
        HttpResponse<String> r = raw(Duration.ofSeconds(5));
        assertEquals(503, r.statusCode());
        assertTrue(r.body().contains("Unavailable"));
        c.sandbox().faults().add(Faults.Kind.HTML_LOGIN, 1);
        r = raw(Duration.ofSeconds(5));
        assertEquals(200, r.statusCode());
        assertTrue(r.body().startsWith("<!DOCTYPE html>"));
        c.sandbox().faults().add(Faults.Kind.IAM_DENIED, 1);
        TestSandbox.Res iam = c.get("/get_template_list/2/");
        assertEquals(3599999, iam.body().get("code"));
        assertEquals("iam authentication exception, please check, action:project_view", iam.body().get("message"));
        c.sandbox().faults().add(Faults.Kind.IAM_DENIED_OLD, 1);
        TestSandbox.Res old = c.get("/get_template_list/2/");
        assertEquals(499, old.status());
        assertEquals(9900403, old.body().get("code"));
        assertNotNull(old.body().get("permission"));
        c.sandbox().faults().add(Faults.Kind.MESSAGE_OBJECT, 1);
        assertTrue(c.get("/get_template_list/2/").body().get("message") instanceof Map);
        c.sandbox().faults().add(Faults.Kind.GATEWAY_403, 1);
        TestSandbox.Res denied = c.get("/get_template_list/2/");
        assertEquals(403, denied.status());
        assertEquals("APP_NO_PERMISSION", denied.body().get("code_name"));
        assertEquals("1640301", denied.header("X-Bkapi-Error-Code"));
    }

    @Test
    void brokenBodies() throws Exception {
        c.sandbox().faults().add(Faults.Kind.TRUNCATED, 1);
        String truncated = raw(Duration.ofSeconds(5)).body();
        assertThrows(IOException.class, () -> TestSandbox.JSON.readTree(truncated));
        c.sandbox().faults().add(Faults.Kind.DROP, 1);
        assertThrows(IOException.class, () -> raw(Duration.ofSeconds(5)));
        c.sandbox().faults().add(new Faults.Fault(Faults.Kind.STALL, 1, null, 1_500));
        long t0 = System.nanoTime();
        HttpResponse<InputStream> stalled = TestSandbox.HTTP.send(HttpRequest.newBuilder(URI.create(c.sandbox().sopsGatewayUrl()
                + "/get_template_list/2/")).header("X-Bkapi-Authorization", TestSandbox.AUTH).build(), HttpResponse.BodyHandlers.ofInputStream());
        long headersAfter = System.nanoTime() - t0;
        try (InputStream in = stalled.body()) {
            in.readAllBytes();
        }
        long bodyAfter = System.nanoTime() - t0;
        assertTrue(headersAfter < 1_000_000_000L, "headers come at once");
        assertTrue(bodyAfter >= 1_400_000_000L, "the body comes after the stall");
        c.sandbox().faults().add(new Faults.Fault(Faults.Kind.HUGE, 1, null, 3));
        assertTrue(raw(Duration.ofSeconds(10)).body().length() > 3_000_000);
    }

    @Test
    void adminEndpointConfiguresFaultsFromAnotherProcess() {
        String url = c.sandbox().esbUrl() + "/_sandbox/faults";
        TestSandbox.Res set = c.send("POST", url, Map.of("add", List.of(Map.of("kind", "gateway_401", "times", 1))), null);
        assertEquals(200, set.status());
        assertEquals(1, ((List<?>) set.body().get("queue")).size());
        TestSandbox.Res r = c.get("/get_template_list/2/");
        assertEquals(401, r.status());
        assertEquals("APP_VERIFY_FAILED", r.body().get("code_name"));
        c.send("POST", url, Map.of("fail_rate", 1.0), null);
        int status = c.get("/get_template_list/2/").status();
        assertTrue(status >= 500 && status <= 504);
        assertEquals(200, c.send("POST", url, Map.of("clear", true), null).status());
        assertEquals(200, c.get("/get_template_list/2/").status());
    }
}
