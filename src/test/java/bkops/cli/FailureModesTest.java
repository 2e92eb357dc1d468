package bkops.cli;

import bkops.sandbox.Faults;
import bkops.sandbox.SandboxCredentials;
import bkops.testing.BkopsTest;
import bkops.testing.CliRun;
import bkops.testing.TestSandbox;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.*;

/**
 * Every way a server can misbehave ends in the contract's exit code, one stderr line naming the cause, no stack trace
 * and no secret. Faults come from the sandbox, over real HTTP.
 */
@BkopsTest
class FailureModesTest {
    static TestSandbox sb;

    @BeforeEach
    void clear() {
        sb.faults().clear();
        sb.clearRequests();
    }

    static Stream<Arguments> faults() {
        return Stream.of(
                Arguments.of(Faults.Kind.RATE_LIMIT, 0L, 6, "rate limited"),
                Arguments.of(Faults.Kind.SERVER_ERROR, 500L, 6, "server error HTTP 500"),
                Arguments.of(Faults.Kind.SERVER_ERROR, 503L, 6, "HTTP 503"),
                Arguments.of(Faults.Kind.HTML_LOGIN, 0L, 6, "HTML page"),
                Arguments.of(Faults.Kind.TRUNCATED, 0L, 6, "JSON cut off"),
                Arguments.of(Faults.Kind.DROP, 0L, 6, "dropped"),
                Arguments.of(Faults.Kind.STALL, 4000L, 6, "timeout"),
                Arguments.of(Faults.Kind.HUGE, 40L, 6, "larger than 32 MiB"),
                Arguments.of(Faults.Kind.MESSAGE_OBJECT, 0L, 3, ":"),
                Arguments.of(Faults.Kind.IAM_DENIED, 0L, 4, "permission denied"),
                Arguments.of(Faults.Kind.IAM_DENIED_OLD, 0L, 4, "permission denied"),
                Arguments.of(Faults.Kind.GATEWAY_401, 0L, 4, "authentication failed"),
                Arguments.of(Faults.Kind.GATEWAY_403, 0L, 4, "no permission"),
                Arguments.of(Faults.Kind.GATEWAY_404, 0L, 6, "has no API get_template_list"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("faults")
    void misbehaviourGivesItsExitCodeAndOneCleanLine(Faults.Kind kind, long value, int exit, String cause) {
        sb.faults().add(new Faults.Fault(kind, 1, null, value));
        Map<String, String> env = sb.env();
        env.put("BKOPS_TIMEOUT", "1s");
        CliRun.Result r = sb.run(env, "template", "list");
        assertEquals(exit, r.exit(), r.toString());
        assertEquals("", r.out());
        assertEquals(1, r.err().lines().count(), "one line:\n" + r.err());
        assertTrue(r.err().startsWith("bkops: list templates: "), r.err());
        assertTrue(r.err().contains(cause), "names the cause '" + cause + "':\n" + r.err());
        assertFalse(r.err().contains("Exception") || r.err().contains("\tat "), "no stack trace:\n" + r.err());
        assertFalse(r.err().contains(SandboxCredentials.APP_SECRET), "no secret");
    }

    @Test
    void gatewayAnswersCarryTheRequestId() {
        sb.faults().add(Faults.Kind.GATEWAY_403, 1);
        CliRun.Result r = sb.run("template", "list");
        assertEquals(4, r.exit(), r.toString());
        assertTrue(r.err().matches("(?s).*\\[code 1640301, HTTP 403, request id [0-9a-f-]{36}]\\n"), r.err());
    }

    @Test
    void wrongSecretIsAnAuthFailureThatSaysWhatToCheck() {
        Map<String, String> env = sb.env();
        env.put("BK_APP_SECRET", "not-the-secret");
        CliRun.Result r = sb.run(env, "template", "list");
        assertEquals(4, r.exit(), r.toString());
        assertTrue(r.err().contains("authentication failed: bk_app_code or bk_app_secret is incorrect"), r.err());
        assertFalse(r.err().contains("not-the-secret"));
    }

    @Test
    void nothingListeningIsATransportFailure() {
        Map<String, String> env = new HashMap<>(sb.env());
        env.put("BKOPS_SOPS_URL", "http://127.0.0.1:9/api/bk-sops/prod");
        CliRun.Result r = sb.run(env, "template", "list");
        assertEquals(6, r.exit(), r.toString());
        assertEquals("bkops: list templates: cannot connect to 127.0.0.1:9 (connection refused)\n", r.err());
    }

    @Test
    void badFlagAndMissingConfigurationAreUsageErrors() {
        CliRun.Result flag = sb.run("template", "list", "--bogus");
        assertEquals(2, flag.exit(), flag.toString());
        assertTrue(flag.err().startsWith("bkops: Unknown option: '--bogus'"), flag.err());

        Map<String, String> env = new HashMap<>(sb.env());
        env.remove("BK_APP_CODE");
        CliRun.Result conf = sb.run(env, "template", "list");
        assertEquals(2, conf.exit(), conf.toString());
        assertTrue(conf.err().contains("app-code"), conf.err());
    }

    @Test
    void readsAreRetriedOnRateLimitsAndTheRetryIsExplainedWithVerbose() {
        sb.faults().add(Faults.Kind.RATE_LIMIT, 2);
        Map<String, String> env = sb.env();
        env.put("BKOPS_RETRIES", "3");
        CliRun.Result r = sb.run(env, "template", "list", "-v", "-o", "id");
        assertEquals(0, r.exit(), r.toString());
        assertEquals(3, sb.requests().size(), "two 429s then success");
        assertEquals(2, r.err().lines().filter(l -> l.contains("retrying get_template_list after HTTP 429")).count(), r.err());
        assertFalse(r.err().contains(SandboxCredentials.APP_SECRET), "verbose trace masks the secret:\n" + r.err());
    }

    @Test
    void debugTraceShowsHeadersAndBodiesButNeverTheSecret() {
        CliRun.Result r = sb.run("template", "list", "--debug", "-o", "id");
        assertEquals(0, r.exit(), r.toString());
        assertTrue(r.err().contains("X-Bkapi-Authorization"), r.err());
        assertFalse(r.err().contains(SandboxCredentials.APP_SECRET), r.err());
        CliRun.Result esb = sb.runEsb("template", "list", "--debug", "-o", "id");
        assertTrue(esb.err().contains("bk_app_secret=****"), esb.err());
        assertFalse(esb.err().contains(SandboxCredentials.APP_SECRET), esb.err());
    }
}
