package bkops.cli;

import bkops.testing.BkopsTest;
import bkops.testing.CliRun;
import bkops.testing.TestSandbox;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.*;

@BkopsTest
class DoctorCommandTest {
    static TestSandbox sb;

    @Test
    void healthyConfigurationReachesBothServicesAndReportsRequestIds() {
        CliRun.Result r = sb.run("doctor");
        assertEquals(0, r.exit(), r.toString());
        assertTrue(r.out().contains("✓   config"), r.out());
        assertTrue(r.out().matches("(?s).*✓   sops .*project 蓝鲸 \\(id 1\\) of business 2 .*request id [0-9a-f-]{36}.*"), r.out());
        assertTrue(r.out().matches("(?s).*✓   job .*credentials accepted.*request id .*"), r.out());
    }

    @Test
    void rejectedCredentialsSayWhatToFixAndExit4() {
        Map<String, String> env = sb.env();
        env.put("BK_APP_SECRET", "wrong-secret-value");
        CliRun.Result r = sb.run(env, "doctor");
        assertEquals(4, r.exit(), r.toString());
        assertTrue(r.out().contains("✗   sops") && r.out().contains("fix: check app-code and the app secret"), r.out());
        assertFalse(r.out().contains("wrong-secret-value") || r.err().contains("wrong-secret-value"));
    }

    @Test
    void unreachableServiceExits6AndMissingJobUrlIsOnlyAWarning() {
        Map<String, String> env = sb.env();
        env.put("BKOPS_SOPS_URL", "http://127.0.0.1:9/api/bk-sops/prod");
        env.remove("BKOPS_JOB_URL");
        CliRun.Result r = sb.run(env, "doctor");
        assertEquals(6, r.exit(), r.toString());
        assertTrue(r.out().contains("cannot connect to 127.0.0.1:9"), r.out());
        assertTrue(r.out().contains("!   job      no Job URL configured"), r.out());
    }

    @Test
    void unknownBusinessIsNotFound() {
        Map<String, String> env = sb.env();
        env.put("BKOPS_BIZ", "404");
        CliRun.Result r = sb.run(env, "doctor");
        assertEquals(5, r.exit(), r.toString());
        assertTrue(r.out().contains("fix: check the business id"), r.out());
    }

    @Test
    void missingConfigurationExits2() {
        Map<String, String> env = sb.env();
        env.remove("BK_APP_CODE");
        CliRun.Result r = sb.run(env, "doctor");
        assertEquals(2, r.exit(), r.toString());
        assertTrue(r.out().contains("✗ config") && r.out().contains("app-code"), r.out());
    }
}
