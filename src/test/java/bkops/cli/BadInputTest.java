package bkops.cli;

import bkops.testing.BkopsTest;
import bkops.testing.CliRun;
import bkops.testing.TestEnv;
import bkops.testing.TestSandbox;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.*;

/**
 * Bad input from the operator or the surroundings ends in one clear line and the contract's exit code: never an
 * internal error, never a retried failure that retrying cannot fix.
 */
@BkopsTest
class BadInputTest {
    TestEnv local;
    Path home;

    @BeforeEach
    void home() {
        home = local.home();
    }

    /** Configured for a server that is not there: these runs must fail before (or without) connecting. */
    private Map<String, String> env() {
        Map<String, String> env = local.env();
        env.put("BKOPS_SOPS_URL", "http://127.0.0.1:9/api/bk-sops/prod");
        env.put("BKOPS_BIZ", "2");
        env.put("BK_APP_CODE", "app");
        env.put("BK_APP_SECRET", "bad-input-secret");
        env.put("BK_USERNAME", "admin");
        env.put("BKOPS_RETRIES", "0");
        return env;
    }

    private static CliRun.Result run(Map<String, String> env, String... args) {
        return CliRun.run(env, null, d -> { }, false, args);
    }

    private static void oneLine(CliRun.Result r, int exit, String line) {
        assertEquals(exit, r.exit(), r.toString());
        assertEquals("bkops: " + line + "\n", r.err());
    }

    @Test
    void aPortOutOfRangeIsAUsageError() {
        Map<String, String> env = env();
        env.put("BKOPS_SOPS_URL", "http://127.0.0.1:99999/api/bk-sops/prod");
        oneLine(run(env, "template", "list"), 2,
                "bad sops-url 'http://127.0.0.1:99999/api/bk-sops/prod' from BKOPS_SOPS_URL: port 99999 is out of range (1-65535)");

        CliRun.Result serve = run(env(), "sandbox", "serve", "--port", "99999");
        assertEquals(2, serve.exit(), serve.toString());
        assertTrue(serve.err().startsWith("bkops: port 99999 is out of range (0-65535; 0 = any free port)\n"), serve.err());
    }

    @Test
    void durationsTooLongForTheClockAreUsageErrors() {
        oneLine(run(env(), "task", "wait", "1", "--interval", "9999999999999999s"), 2,
                "--interval: bad duration '9999999999999999s': longer than 8760h (a year), the most bkops accepts");
        oneLine(run(env(), "task", "wait", "1", "--interval", "9223372036854775807ms"), 2,
                "--interval: bad duration '9223372036854775807ms': longer than 8760h (a year), the most bkops accepts");

        Map<String, String> env = env();
        env.put("BKOPS_RETRIES", "5");
        env.put("BKOPS_TIMEOUT", "9223372036854775807");
        oneLine(run(env, "template", "list"), 2,
                "bad timeout '9223372036854775807' from BKOPS_TIMEOUT: longer than 8760h (a year), the most bkops accepts");
    }

    @Test
    void stdinThatIsADirectoryIsAUsageError() throws IOException {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        try (InputStream dir = Files.newInputStream(home)) { // what `< /tmp` hands the process
            CliContext ctx = new CliContext(new PrintWriter(out, true), new PrintWriter(err, true), dir, env(), false,
                    false, d -> { });
            int exit = Cli.run(ctx, "task", "status", "-");
            assertEquals(2, exit, err.toString());
            assertEquals("bkops: cannot read task ids from stdin: Is a directory\n", err.toString());
        }
    }

    @Test
    void anUnresolvableHostIsNamedAndNotRetried() {
        Map<String, String> env = env();
        env.put("BKOPS_SOPS_URL", "http://bkops-test.invalid/api/bk-sops/prod"); // RFC 6761: never resolves
        env.put("BKOPS_RETRIES", "3");
        CliRun.Result r = run(env, "template", "list", "-v");
        assertEquals(6, r.exit(), r.toString());
        assertFalse(r.err().contains("retrying"), "a name that did not resolve is not retried:\n" + r.err());
        assertTrue(r.err().endsWith("bkops: list templates: cannot resolve host bkops-test.invalid (check the URL and DNS)\n"),
                r.err());
    }

    @Test
    void aTinyTimeoutIsNamedAsTheRequestTimeoutNotTheConnectTimeout() throws IOException {
        // A listener whose accept queue is full: the kernel drops further SYNs, so a connection can never complete.
        try (ServerSocket full = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            List<Socket> queued = new ArrayList<>();
            try {
                for (int i = 0; i < 4; i++) {
                    Socket s = new Socket();
                    queued.add(s);
                    try {
                        s.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), full.getLocalPort()), 300);
                    } catch (IOException queueIsFull) {
                        break;
                    }
                }
                Map<String, String> env = env();
                env.put("BKOPS_SOPS_URL", "http://127.0.0.1:" + full.getLocalPort());
                env.put("BKOPS_TIMEOUT", "1ms");
                CliRun.Result r = run(env, "template", "list");
                assertEquals(6, r.exit(), r.toString());
                assertTrue(r.err().matches("bkops: list templates: request timeout: no connection to 127\\.0\\.0\\.1:"
                        + full.getLocalPort() + " within 1ms \\(raise it with --timeout\\)\n"), r.err());
            } finally {
                for (Socket s : queued) {
                    s.close();
                }
            }
        }
    }

    @Test
    void aMissingCaCertMattersOnlyWhereTlsIsUsedAndIsAUsageError(TestSandbox sb) {
        Map<String, String> sandboxEnv = sb.env();
        sandboxEnv.put("BKOPS_CA_CERT", home.resolve("no-such-ca.pem").toString());
        CliRun.Result plain = sb.run(sandboxEnv, "template", "list", "-o", "id");
        assertEquals(0, plain.exit(), "plain http never reads the CA file:\n" + plain);
        Map<String, String> env = env();
        env.put("BKOPS_SOPS_URL", "https://127.0.0.1:9/api/bk-sops/prod");
        oneLine(run(env, "--ca-cert", home.resolve("no-such-ca.pem").toString(), "template", "list"), 2,
                "cannot read the CA certificate file " + home.resolve("no-such-ca.pem") + " given by --ca-cert: no such file");
    }

    @Test
    void aConfigFileThatIsNotUtf8SaysSoAndWhere() throws IOException {
        Path file = home.resolve("config/bkops/config");
        Files.createDirectories(file.getParent());
        Files.write(file, new byte[] {'[', 'p', ']', '\n', 'b', 'i', 'z', ' ', '=', ' ', '2', '\n',
                'u', 's', 'e', 'r', 'n', 'a', 'm', 'e', ' ', '=', ' ', (byte) 0xff, (byte) 0xfe, '\n'});
        Map<String, String> env = env();
        env.put("BKOPS_PROFILE", "p");
        oneLine(run(env, "config", "view"), 2,
                "cannot read the config file " + file + ": line 3 is not valid UTF-8 text (save the file as UTF-8)");
    }

    @Test
    void aCorruptSandboxStateSaysHowToStartOver() throws IOException {
        Map<String, String> env = local.env();
        Path world = Path.of(env.get("XDG_STATE_HOME"), "bkops/sandbox/world.json");
        Files.createDirectories(world.getParent());
        Files.writeString(world, "{\"tasks\": {\"10001\": ");
        CliRun.Result r = run(env, "-p", "sandbox", "template", "list");
        oneLine(r, 2, "the sandbox state file " + world.toRealPath() + " is corrupt (unreadable at line 1, column 21); "
                + "start the sandbox world over with 'bkops sandbox reset'");
    }

    @Test
    void aProfileNamedLikeACommandIsTheOptionsValue() {
        Path dir = home.resolve("state-to-reset");
        CliRun.Result r = run(env(), "-p", "sandbox", "sandbox", "reset", "--state-dir", dir.toString());
        assertEquals(0, r.exit(), r.toString());
        assertEquals("sandbox reset: " + dir + "\n", r.out());
    }
}
