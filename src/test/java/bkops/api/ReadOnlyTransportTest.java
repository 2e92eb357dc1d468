package bkops.api;

import bkops.sandbox.SandboxCredentials;
import bkops.testing.BkopsTest;
import bkops.testing.TestSandbox;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * The transport's own refusal under a read-only profile (ClientConfig#writesRefused), behind cli/ChangeRunner's: a
 * state-changing endpoint is refused before anything leaves, whoever calls it; reads go as usual.
 */
@BkopsTest
class ReadOnlyTransportTest {
    TestSandbox sb;

    private ApiClient client(String writesRefused) {
        Credentials creds = new Credentials(SandboxCredentials.APP_CODE, SandboxCredentials.APP_SECRET,
                SandboxCredentials.USERNAME, null, null);
        return new ApiClient(new ClientConfig(sb.sandbox().sopsGatewayUrl(), sb.sandbox().jobGatewayUrl(),
                FrontDoor.APIGW, "2", "cmdb_biz", creds, Duration.ofSeconds(5), Duration.ofSeconds(20), 0, false, null,
                ClientConfig.Trace.NONE, Sleeper.REAL, writesRefused));
    }

    @Test
    void aWriteThatBypassesTheRunnerCannotLeaveAReadOnlySession() {
        long task = sb.createTask(1, Map.of());
        sb.clearRequests();
        try (ApiClient c = client("profile ci is read-only (BKOPS_PROTECT=read-only)")) {
            SopsApi sops = new SopsApi(c);
            ApiException e = assertThrows(ApiException.class, () -> sops.startTask(String.valueOf(task)));
            assertEquals(ApiException.Kind.REFUSED, e.kind());
            assertEquals("start_task", e.api());
            assertEquals(List.of(), sb.requests(), "nothing left");
            assertThrows(ApiException.class, () -> sops.operateTask(String.valueOf(task), "revoke"));
            assertThrows(ApiException.class, () -> new JobApi(c).operateStep(20001, 50001, 2));
            assertEquals(List.of(), sb.requests(), "nothing left");
            // a read goes as usual, a POST that changes nothing (preview_task_tree) too
            sops.taskStatus(String.valueOf(task));
            sops.previewTaskTree("1", List.of(), null);
            assertEquals(2, sb.requests().size());
        }
        try (ApiClient c = client(null)) {
            new SopsApi(c).startTask(String.valueOf(task));
            assertEquals(3, sb.requests().size());
        }
    }
}
