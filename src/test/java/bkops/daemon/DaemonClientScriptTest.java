package bkops.daemon;

import bkops.cli.DaemonRunner;
import bkops.testing.BkopsTest;
import bkops.testing.CliRun;
import bkops.testing.OutputLog;
import bkops.testing.Processes;
import bkops.testing.Slow;
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
@BkopsTest
@Slow
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
        fakeJar = Files.writeString(dir.resolve("bkops.jar"), "not really a jar");
        coldLog = dir.resolve("cold.log");
        Path java = dir.resolve("jdk/bin/java");
        Files.createDirectories(java.getParent());
        Files.writeString(java, "#!/bin/sh\necho \"cold $* secret:${BK_APP_SECRET:-none}\" >> '" + coldLog
                + "'\necho COLD-PATH\nexit 42\n");
        Files.setPosixFilePermissions(java, PosixFilePermissions.fromString("rwx------"));
        daemon = DaemonServer.start(daemonFile(), fakeJar, Duration.ofMinutes(15),
                new PrintStream(daemonLog, true, StandardCharsets.UTF_8), new DaemonRunner());
    }

    @AfterEach
    void stop() {
        OutputLog.record(OutputLog.Source.DAEMON, env(), new CliRun.Result(0, "", daemonLog.toString(StandardCharsets.UTF_8)));
        daemon.close();
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
        Process p = clientProcess(env, args);
        p.getOutputStream().write(stdin == null ? new byte[0] : stdin.getBytes(StandardCharsets.UTF_8));
        p.getOutputStream().close();
        assertTrue(p.waitFor(30, TimeUnit.SECONDS), "bin/bkops did not finish");
        CliRun.Result r = Processes.record(env, p.exitValue(), Files.readString(dir.resolve("out")),
                Files.readString(dir.resolve("err")));
        return r;
    }

    /** bin/bkops with exactly this environment; stdout and stderr to files "out" and "err" in the temp dir. */
    private Process clientProcess(Map<String, String> env, String... args) throws IOException {
        List<String> cmd = new ArrayList<>(List.of("bin/bkops"));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd);
        pb.environment().clear();
        pb.environment().putAll(env);
        pb.redirectOutput(dir.resolve("out").toFile()).redirectError(dir.resolve("err").toFile());
        return pb.start();
    }

    private String cold() throws IOException {
        return Files.exists(coldLog) ? Files.readString(coldLog) : "";
    }

    private void assertSameAsInProcess(CliRun.Result expected, CliRun.Result actual) throws IOException {
        assertEquals(expected.exit(), actual.exit(), () -> "stderr: " + actual.err());
        assertEquals(expected.out(), actual.out());
        assertEquals(withoutRequestIds(expected.err()), withoutRequestIds(actual.err()));
        assertEquals("", cold(), "nothing may take the cold path");
    }

    /** Every call has a fresh request id: the only part of stderr that may differ. */
    private static String withoutRequestIds(String s) {
        return s.replaceAll("request id [0-9a-f-]+", "request id ID");
    }

    @Test
    void aSuccessIsRelayedByteForByteWithItsExitCode() throws Exception {
        CliRun.Result r = client(env(), null, "template", "list");
        assertEquals(0, r.exit(), r.err());
        assertSameAsInProcess(sandbox.run("template", "list"), r);
        assertTrue(r.out().contains("\n"), "a table was printed");
        assertTrue(daemon.status().contains("served=1"), daemon.status());
    }

    @Test
    void anErrorKeepsItsExitCodeAndItsOneStderrLine() throws Exception {
        CliRun.Result r = client(env(), null, "template", "show", "999999");
        assertEquals(5, r.exit());
        assertSameAsInProcess(sandbox.run("template", "show", "999999"), r);
    }

    @Test
    void stdinIdsAreForwardedWhenAnArgumentIsALoneDash() throws Exception {
        String a = createTask("daemon stdin a");
        String b = createTask("daemon stdin b");
        String ids = "# 中文 comment\n" + a + "\n" + b + "\n";
        String[] args = {"task", "status", "-", "-o", "jsonl"};
        CliRun.Result r = client(env(), ids, args);
        assertEquals(0, r.exit(), r.err());
        assertSameAsInProcess(sandbox.runWithStdin(ids, args), r);
        assertEquals(2, r.out().lines().count(), r.out());
    }

    private String createTask(String name) {
        CliRun.Result r = sandbox.run("task", "create", "--template", "6", "--name", name, "-o", "id");
        assertEquals(0, r.exit(), r.err());
        return r.out().strip();
    }

    @Test
    void argumentsArriveExactlyWithSpacesQuotesNewlinesAndChinese() throws Exception {
        String[] args = {"template", "list", "--name", "发布 \"prod\" it's\n$HOME * `x`"};
        CliRun.Result r = client(env(), null, args);
        assertSameAsInProcess(sandbox.run(args), r);
        String[] bad = {"template", "show", "模板 \"9\""};
        assertSameAsInProcess(sandbox.run(bad), client(env(), null, bad));
    }

    @Test
    void oneRequestsEnvironmentDoesNotLeakIntoTheNext() throws Exception {
        Map<String, String> wrong = env();
        wrong.put("BK_APP_SECRET", "wrong-secret");
        CliRun.Result denied = client(wrong, null, "template", "list");
        assertEquals(4, denied.exit(), denied.err());

        Map<String, String> none = env();
        none.remove("BK_APP_SECRET");
        CliRun.Result unset = client(none, null, "template", "list");
        assertSameAsInProcess(sandbox.run(withoutSecret(sandbox.env()), "template", "list"), unset);
        assertEquals(2, unset.exit(), unset.err());

        CliRun.Result ok = client(env(), null, "template", "list");
        assertEquals(0, ok.exit(), ok.err());
        assertFalse(daemonLog.toString(StandardCharsets.UTF_8).contains("wrong-secret"));
    }

    private static Map<String, String> withoutSecret(Map<String, String> env) {
        env.remove("BK_APP_SECRET");
        return env;
    }

    @Test
    void aBadTokenIsRefusedAndTheClientFallsBackAndStartsADaemon() throws Exception {
        DaemonFile real = DaemonFile.read(daemonFile()).orElseThrow();
        new DaemonFile(real.port(), "00".repeat(32), real.pid()).write(daemonFile());
        CliRun.Result r = client(env(), null, "template", "list");
        assertEquals(42, r.exit());
        assertEquals("COLD-PATH\n", r.out());
        assertTrue(daemonLog.toString(StandardCharsets.UTF_8).contains("refused a request without the right token"));
        awaitColdLines(2);
        assertTrue(cold().contains("bkops.DaemonMain secret:none\n"), "started without credentials: " + cold());
        assertTrue(cold().contains("-jar " + fakeJar + " template list secret:"), cold());
        assertTrue(daemon.status().contains("served=0"));
    }

    @Test
    void withoutADaemonFileTheCommandRunsColdAndADaemonIsStarted() throws Exception {
        daemon.close();
        assertFalse(Files.exists(daemonFile()), "stop removes its own file");
        CliRun.Result r = client(env(), null, "template", "list");
        assertEquals(42, r.exit());
        awaitColdLines(2);
        assertTrue(cold().contains("bkops.DaemonMain"), cold());
    }

    @Test
    void aDeclinedCommandRunsColdWithoutStartingAnotherDaemon() throws Exception {
        CliRun.Result r = client(env(), null, "config", "view");
        assertEquals(42, r.exit());
        assertEquals("cold -XX:TieredStopAtLevel=1", cold().substring(0, "cold -XX:TieredStopAtLevel=1".length()));
        assertEquals(1, cold().lines().count(), cold());
        assertFalse(cold().contains("DaemonMain"));
    }

    @Test
    void aChangedJarStopsTheDaemonAndTheCommandRunsCold() throws Exception {
        Files.writeString(fakeJar, "rebuilt jar, another size");
        CliRun.Result r = client(env(), null, "template", "list");
        assertEquals(42, r.exit());
        assertTrue(daemonLog.toString(StandardCharsets.UTF_8).contains("stopping"), daemonLog.toString());
        assertFalse(Files.exists(daemonFile()));
    }

    @Test
    void withoutBkopsDaemonNothingChanges() throws Exception {
        Map<String, String> env = env();
        env.remove("BKOPS_DAEMON");
        CliRun.Result r = client(env, null, "template", "list");
        assertEquals(42, r.exit());
        assertEquals(1, cold().lines().count(), cold());
        assertTrue(daemon.status().contains("served=0"));
    }

    @Test
    void ctrlCInterruptsTheCommandWhichPrintsItsResumeHintAndExits130() throws Exception {
        CliRun.Result started = sandbox.run("task", "create", "--template", "9", "--name", "daemon watch", "--start",
                "-o", "id");
        assertEquals(0, started.exit(), started.err());
        String task = started.out().strip();
        Process p = clientProcess(env(), "task", "watch", task);
        // Real time: the client is a real process. Once the first view is out, the watch sleeps between polls (the
        // task never moves: manual clock), which is where a Ctrl-C lands in practice.
        for (int i = 0; i < 500 && Files.size(dir.resolve("out")) + Files.size(dir.resolve("err")) == 0; i++) {
            Thread.sleep(10);
        }
        assertTrue(daemon.status().contains("running=1"), daemon.status());
        Process kill = new ProcessBuilder("kill", "-INT", String.valueOf(p.pid())).start();
        assertEquals(0, kill.waitFor());
        assertTrue(p.waitFor(30, TimeUnit.SECONDS), "the client did not end after Ctrl-C"
                + bkops.testing.Processes.sigintIgnoredNote());
        String err = Files.readString(dir.resolve("err"));
        assertEquals(130, p.exitValue(), err);
        assertTrue(err.contains("Resume with: bkops task watch " + task), err);
        assertEquals("", cold());
    }

    /** The background start is asynchronous (nohup ... &): wait for its line, in real time but briefly. */
    private void awaitColdLines(int n) throws Exception {
        for (int i = 0; i < 200 && cold().lines().count() < n; i++) {
            Thread.sleep(10);
        }
        assertEquals(n, cold().lines().count(), cold());
    }
}
