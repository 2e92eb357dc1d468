package bkops.daemon;

import bkops.testing.CliRun;
import bkops.testing.TestSandbox;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * bin/bkops with BKOPS_DAEMON=1 against a daemon started in this JVM, over real loopback sockets, compared with the
 * same command run in-process. The cold path is a fake java (JAVA_HOME) that only records that it was started.
 */
class DaemonClientScriptTest {
    @TempDir
    Path dir;
    private TestSandbox sandbox;
    private DaemonServer daemon;
    private Path fakeJar;
    private Path coldLog;
    private final ByteArrayOutputStream daemonLog = new ByteArrayOutputStream();

    @BeforeEach
    void start() throws IOException {
        sandbox = TestSandbox.start(dir.resolve("sandbox"));
        fakeJar = Files.writeString(dir.resolve("bkops.jar"), "not really a jar");
        coldLog = dir.resolve("cold.log");
        Path java = dir.resolve("jdk/bin/java");
        Files.createDirectories(java.getParent());
        Files.writeString(java, "#!/bin/sh\necho \"cold $*\" >> '" + coldLog + "'\necho COLD-PATH\nexit 42\n");
        Files.setPosixFilePermissions(java, PosixFilePermissions.fromString("rwx------"));
        daemon = DaemonServer.start(daemonFile(), fakeJar, Duration.ofMinutes(15),
                new PrintStream(daemonLog, true, StandardCharsets.UTF_8));
    }

    @AfterEach
    void stop() {
        daemon.close();
        sandbox.close();
    }

    private Path daemonFile() {
        return dir.resolve("run/bkops/daemon");
    }

    private Map<String, String> env() {
        Map<String, String> env = new HashMap<>(sandbox.env());
        env.put("BKOPS_DAEMON", "1");
        env.put("XDG_RUNTIME_DIR", dir.resolve("run").toString());
        env.put("BKOPS_JAR", fakeJar.toString());
        env.put("JAVA_HOME", dir.resolve("jdk").toString());
        env.put("PATH", System.getenv("PATH"));
        if (System.getenv("TZ") != null) {
            env.put("TZ", System.getenv("TZ"));
        }
        return env;
    }

    private CliRun.Result client(Map<String, String> env, String stdin, String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of("bin/bkops"));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd);
        pb.environment().clear();
        pb.environment().putAll(env);
        Path out = dir.resolve("out");
        Path err = dir.resolve("err");
        pb.redirectOutput(out.toFile()).redirectError(err.toFile());
        Process p = pb.start();
        p.getOutputStream().write(stdin == null ? new byte[0] : stdin.getBytes(StandardCharsets.UTF_8));
        p.getOutputStream().close();
        assertTrue(p.waitFor(30, TimeUnit.SECONDS), "bin/bkops did not finish");
        return new CliRun.Result(p.exitValue(), Files.readString(out), Files.readString(err));
    }

    private String cold() throws IOException {
        return Files.exists(coldLog) ? Files.readString(coldLog) : "";
    }

    private void assertSameAsInProcess(CliRun.Result expected, CliRun.Result actual) throws IOException {
        assertEquals(expected.exit(), actual.exit(), () -> "stderr: " + actual.err());
        assertEquals(expected.out(), actual.out());
        assertEquals(expected.err(), actual.err());
        assertEquals("", cold(), "nothing may take the cold path");
    }

    @Test
    void aSuccessIsRelayedByteForByteWithItsExitCode() throws Exception {
        CliRun.Result r = client(env(), null, "template", "list");
        assertEquals(0, r.exit(), r.err());
        assertSameAsInProcess(sandbox.run("template", "list"), r);
        assertTrue(r.out().contains("\n"), "a table was printed");
        assertTrue(daemon.status().contains("served=1"), daemon.status());
    }
}
