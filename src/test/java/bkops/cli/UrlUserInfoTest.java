package bkops.cli;

import bkops.ExitCode;
import bkops.testing.BkopsTest;
import bkops.testing.CliRun;
import bkops.testing.OutputLog;
import bkops.testing.TestSandbox;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.*;

/**
 * A user and password in a base URL (http://user:pass@host) is refused wherever a URL is given: bkops never sends it,
 * and -v, config view, doctor and error lines would print it.
 */
@BkopsTest
class UrlUserInfoTest {
    static final String PASSWORD = "url-pass-9d2c";

    @TempDir
    static Path dir;
    static TestSandbox sb;

    @BeforeAll
    static void start() {
        OutputLog.secret(PASSWORD);
    }

    /** The sandbox's URL with user:password@ in it. */
    private static String withUserInfo(String url) {
        return url.replaceFirst("://", "://ops:" + PASSWORD + "@");
    }

    private static void assertRefused(CliRun.Result r) {
        assertEquals(ExitCode.USAGE.code(), r.exit(), r.toString());
        assertEquals("", r.out());
        assertTrue(r.err().contains("a user name or password in the URL is refused"), r.err());
        assertTrue(r.err().contains("://****@127.0.0.1:"), "the refused value is shown masked: " + r.err());
        assertFalse(r.toString().contains(PASSWORD), r.toString());
        assertEquals(1, r.err().lines().count(), r.err());
    }

    @Test
    void aFlagOrAnEnvironmentUrlWithAPasswordIsRefusedBeforeAnythingIsSent() {
        sb.clearRequests();
        assertRefused(sb.run(sb.env(), "-v", "--sops-url", withUserInfo(sb.sandbox().sopsGatewayUrl()),
                "template", "list"));
        Map<String, String> env = sb.env();
        env.put("BKOPS_JOB_URL", withUserInfo(sb.sandbox().jobGatewayUrl()));
        assertRefused(sb.run(env, "-v", "template", "list"));
        CliRun.Result doctor = sb.run(env, "doctor");
        assertEquals(ExitCode.USAGE.code(), doctor.exit(), doctor.toString());
        assertTrue(doctor.out().contains("a user name or password in the URL is refused"), doctor.toString());
        assertFalse(doctor.toString().contains(PASSWORD), doctor.toString());
        assertEquals(0, sb.requests().size(), "nothing was sent");
    }

    @Test
    void configSetAndInitRefuseIt() throws Exception {
        Map<String, String> env = sb.env();
        env.put("XDG_CONFIG_HOME", dir.resolve("config-set").toString());
        Path file = dir.resolve("config-set/bkops/config");
        assertRefused(CliRun.run(env, "-p", "prod", "config", "set", "sops-url",
                withUserInfo(sb.sandbox().sopsGatewayUrl())));
        assertFalse(Files.exists(file) && Files.readString(file).contains(PASSWORD), "nothing written");
        assertRefused(CliRun.run(env, "config", "init", "-p", "prod", "--sops-url",
                withUserInfo(sb.sandbox().sopsGatewayUrl()), "-b", "2", "--app-code", "ops"));
        assertFalse(Files.exists(file) && Files.readString(file).contains(PASSWORD), "nothing written");
    }

    @Test
    void aProfileHoldingOneIsRefusedAndNeverPrinted() throws Exception {
        Map<String, String> env = sb.env();
        env.remove("BKOPS_SOPS_URL");
        env.remove("BKOPS_JOB_URL");
        env.put("XDG_CONFIG_HOME", dir.resolve("config-file").toString());
        Path file = dir.resolve("config-file/bkops/config");
        Files.createDirectories(file.getParent());
        Files.writeString(file, "current-profile = old\n\n[old]\nsops-url = "
                + withUserInfo(sb.sandbox().sopsGatewayUrl()) + "\nbiz = 2\n");
        Files.setPosixFilePermissions(file, java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
        assertRefused(CliRun.run(env, "config", "view"));
        assertRefused(CliRun.run(env, "config", "view", "-o", "json"));
        assertRefused(CliRun.run(env, "-v", "template", "list"));
        CliRun.Result fixed = CliRun.run(env, "config", "set", "sops-url", sb.sandbox().sopsGatewayUrl());
        assertEquals(0, fixed.exit(), "the way out works: " + fixed);
    }
}
