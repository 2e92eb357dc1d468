package bkops.daemon;

import bkops.cli.DaemonRunner;
import bkops.sandbox.RecordedRequest;
import bkops.testing.BkopsTest;
import bkops.testing.CliRun;
import bkops.testing.Processes;
import bkops.testing.Slow;
import bkops.testing.TestSandbox;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What the daemon serves and how the bash client in bin/bkops ends (issue 13 item 17): the built-in sandbox profile,
 * stdin for attached "=-" options, exit codes of signals, and a daemon that refuses before the request is written.
 * As in DaemonClientScriptTest, the daemon runs in this JVM and the cold path is a fake java that records its start.
 */
@BkopsTest
@Slow
class DaemonServedTest {
    private static final ObjectMapper JSON = new ObjectMapper();

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
        Files.writeString(java, "#!/bin/sh\necho \"cold $*\" >> '" + coldLog + "'\necho COLD-PATH\nexit 42\n");
        Files.setPosixFilePermissions(java, PosixFilePermissions.fromString("rwx------"));
        daemon = DaemonServer.start(dir.resolve("run/bkops/daemon"), fakeJar, Duration.ofMinutes(15),
                new PrintStream(daemonLog, true, StandardCharsets.UTF_8), new DaemonRunner());
    }

    @AfterEach
    void stop() {
        daemon.close();
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

    /** bin/bkops with exactly this environment and stdin; waits for its end. */
    private CliRun.Result client(Map<String, String> env, String stdin, String... args) throws Exception {
        Path out = Files.createTempFile(dir, "out", "");
        Path err = Files.createTempFile(dir, "err", "");
        Process p = start(env, out, err, args);
        p.getOutputStream().write(stdin == null ? new byte[0] : stdin.getBytes(StandardCharsets.UTF_8));
        p.getOutputStream().close();
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "bin/bkops did not finish");
        return Processes.record(env, p.exitValue(), Files.readString(out), Files.readString(err));
    }

    private static Process start(Map<String, String> env, Path out, Path err, String... args) throws IOException {
        List<String> cmd = new ArrayList<>(List.of("bin/bkops"));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd);
        pb.environment().clear();
        pb.environment().putAll(env);
        pb.redirectOutput(out.toFile()).redirectError(err.toFile());
        return pb.start();
    }

    private String cold() throws IOException {
        return Files.exists(coldLog) ? Files.readString(coldLog) : "";
    }

    private String createTask(String template, String name, String... more) {
        List<String> args = new ArrayList<>(List.of("task", "create", "--template", template, "--name", name, "-o", "id"));
        args.addAll(List.of(more));
        CliRun.Result r = sandbox.run(args.toArray(String[]::new));
        assertEquals(0, r.exit(), r::toString);
        return r.out().strip();
    }

    // ---- the SIGPIPE of an early refusal ----

    @Test
    void aDaemonThatClosesBeforeTheRequestIsWrittenSendsTheClientColdInsteadOfKillingIt() throws Exception {
        // A daemon that answers and resets the connection at once, as the real one does on a bad token, while the
        // client is still writing its request: the next write fails with EPIPE. Before the fix that was SIGPIPE, the
        // client died with 141 and the command never ran. A large request keeps the client writing either way.
        Path run = dir.resolve("refusing-run");
        try (ServerSocket refusing = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            Thread t = new Thread(() -> {
                while (!refusing.isClosed()) {
                    try (Socket s = refusing.accept()) {
                        s.setSoLinger(true, 0); // close = RST, like a close with unread input
                        s.getOutputStream().write("f\n".getBytes(StandardCharsets.US_ASCII));
                    } catch (IOException e) {
                        return;
                    }
                }
            });
            t.setDaemon(true);
            t.start();
            new DaemonFile(refusing.getLocalPort(), "00".repeat(32), 1).write(run.resolve("bkops/daemon"));
            Map<String, String> env = env();
            env.put("XDG_RUNTIME_DIR", run.toString());
            for (int i = 0; i < 8; i++) {
                env.put("BK_PAD_" + i, "x".repeat(120_000));
            }
            for (int i = 0; i < 5; i++) {
                CliRun.Result r = client(env, null, "template", "list");
                assertEquals(42, r.exit(), "the cold path ran: " + r);
                assertEquals("COLD-PATH\n", r.out());
            }
        }
    }

    // ---- stdin for "=-" ----

    @Test
    void constFileAttachedDashGetsStdin() throws Exception {
        CliRun.Result r = client(env(), "{\"version\": \"2.0.9\"}", "task", "create", "--template", "1", "--name",
                "attached", "--const-file=-", "-o", "id");
        assertEquals(0, r.exit(), r::toString);
        assertEquals("", cold());
        RecordedRequest create = sandbox.requests().stream().filter(q -> q.pathAndQuery().contains("create_task"))
                .reduce((a, b) -> b).orElseThrow();
        JsonNode constants = JSON.readTree(create.body()).path("constants");
        assertEquals("2.0.9", constants.path("${version}").asText(), create.body());
    }

    @Test
    void dataAttachedDashGetsStdin() throws Exception {
        String task = createTask("4", "callback", "--start");
        sandbox.advance(Duration.ofSeconds(2));
        CliRun.Result r = client(env(), "{\"approved\": true}", "node", "callback", task, "人工确认 approve",
                "--data=-");
        assertEquals(0, r.exit(), r::toString);
        assertEquals("", cold());
        RecordedRequest callback = sandbox.requests().stream().filter(q -> q.pathAndQuery().contains("node_callback"))
                .findFirst().orElseThrow();
        assertEquals(Map.of("approved", true), JSON.readValue(callback.body(), Map.class).get("callback_data"));
    }

    // ---- signals ----

    @Test
    void sigtermEndsWith143AsAColdJvmDoesAndSigintWith130() throws Exception {
        assertEquals(143, watchThenKill("-TERM"));
        assertEquals(130, watchThenKill("-INT"));
    }

    /** A watch through the daemon of a task that never moves (manual clock), then a signal to the client. */
    private int watchThenKill(String signal) throws Exception {
        String task = createTask("9", "daemon watch " + signal, "--start");
        Path out = Files.createTempFile(dir, "out", "");
        Path err = Files.createTempFile(dir, "err", "");
        Process p = start(env(), out, err, "task", "watch", task);
        // Real time: the client is a real process. Once the first view is out the watch sleeps between polls.
        for (int i = 0; i < 3000 && Files.size(out) + Files.size(err) == 0; i++) {
            Thread.sleep(10);
        }
        assertTrue(daemon.status().contains("running=1"), daemon.status());
        assertEquals(0, new ProcessBuilder("kill", signal, String.valueOf(p.pid())).start().waitFor());
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "the client did not end after " + signal
                + bkops.testing.Processes.sigintIgnoredNote());
        String e = Files.readString(err);
        assertTrue(e.contains("Resume with: bkops task watch " + task), e);
        assertEquals("", cold());
        return p.exitValue();
    }

    // ---- a terminal on stdout only ----

    @Test
    void aTerminalOnStdoutIsToldToTheDaemonWhichDrawsForItAtItsSize() throws Exception {
        String task = createTask("12", "屏幕 screen", "--start");
        sandbox.advance(Duration.ofHours(1)); // finished: the watch draws once and ends
        Path out = dir.resolve("pty.out");
        // script(1) gives the client a terminal of 24 x 80 on stdout; stdin is /dev/null, so no prompt can come and
        // the command is served.
        ProcessBuilder pb = new ProcessBuilder("script", "-qec",
                "stty rows 24 cols 80; exec bin/bkops task watch " + task + " </dev/null", "/dev/null");
        pb.environment().clear();
        pb.environment().putAll(env());
        pb.redirectOutput(out.toFile()).redirectErrorStream(true).redirectInput(ProcessBuilder.Redirect.PIPE);
        Process p = pb.start();
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "the client did not finish");
        String shown = Files.readString(out).replace("\r\n", "\n");
        assertEquals(0, p.exitValue(), shown);
        assertEquals("", cold(), "served");
        assertTrue(shown.contains("\u001b[1m屏幕 screen\u001b[0m"), "coloured for a terminal: " + shown);
        assertTrue(shown.contains("\u001b[K\n"), "drawn in place: " + shown);
        String[] frames = shown.split("\r\u001b\\[\\d+A", -1);
        assertEquals(2, frames.length, "drawn, then drawn again without its footer: " + shown);
        for (String frame : frames) {
            String[] lines = frame.split("\n", -1);
            assertTrue(lines.length - 1 <= 23, "within 24 lines: " + frame);
            for (String line : lines) {
                assertTrue(bkops.render.DisplayWidth.width(line) < 80, "within 80 columns: " + line);
            }
        }
        assertTrue(shown.contains("202 more nodes"), shown);
    }

    // ---- the built-in sandbox profile ----

    private static final Pattern PORT = Pattern.compile("http://127\\.0\\.0\\.1:(\\d+)/");

    @Test
    void theBuiltInSandboxIsServedFromOneSandboxPerStateDirectory() throws Exception {
        Map<String, String> a = builtInSandboxEnv("state-a");
        Map<String, String> b = builtInSandboxEnv("state-b");

        CliRun.Result created = client(a, null, "-p", "sandbox", "-v", "task", "create", "--template", "1", "--name",
                "served", "-o", "id");
        assertEquals(0, created.exit(), created::toString);
        CliRun.Result again = client(a, null, "-p", "sandbox", "-v", "task", "show", created.out().strip(), "-o",
                "json");
        assertEquals(0, again.exit(), again::toString);
        assertEquals("", cold(), "served, not cold");
        assertEquals(port(created.err()), port(again.err()), "the same sandbox: " + created.err() + again.err());

        CliRun.Result other = client(b, null, "-p", "sandbox", "task", "show", created.out().strip());
        assertEquals(5, other.exit(), "another XDG_STATE_HOME is another world: " + other);
        assertTrue(daemon.status().contains("sandboxes=2"), daemon.status());
        assertTrue(Files.exists(dir.resolve("state-a/bkops/sandbox/world.json")));
    }

    /** The built-in profile (no URL in the environment) with its world under {@code dir/state}. */
    private Map<String, String> builtInSandboxEnv(String state) {
        Map<String, String> env = env();
        env.remove("BKOPS_SOPS_URL");
        env.remove("BKOPS_JOB_URL");
        env.put("XDG_STATE_HOME", dir.resolve(state).toString());
        return env;
    }

    private static String port(String verbose) {
        Matcher m = PORT.matcher(verbose);
        assertTrue(m.find(), verbose);
        return m.group(1);
    }

    @Test
    void servedAndColdCreatesOnOneStateDirectoryAllLand() throws Exception {
        Map<String, String> a = builtInSandboxEnv("state");
        int served = 6;
        int cold = 3;
        ExecutorService pool = Executors.newFixedThreadPool(served + cold);
        try {
            List<Future<CliRun.Result>> runs = new ArrayList<>();
            for (int i = 0; i < served; i++) {
                String name = "served " + i;
                runs.add(pool.submit(() -> client(a, null, "-p", "sandbox", "task", "create", "--template", "1",
                        "--name", name, "-o", "id")));
            }
            for (int i = 0; i < cold; i++) {
                String name = "in-process " + i; // a sandbox of its own on the same directory, as a cold JVM has
                runs.add(pool.submit(() -> CliRun.run(a, "-p", "sandbox", "task", "create", "--template", "1",
                        "--name", name, "-o", "id")));
            }
            Set<String> ids = new HashSet<>();
            for (Future<CliRun.Result> f : runs) {
                CliRun.Result r = f.get(120, TimeUnit.SECONDS);
                assertEquals(0, r.exit(), r::toString);
                ids.add(r.out().strip());
            }
            assertEquals(served + cold, ids.size(), ids.toString());
            CliRun.Result list = client(a, null, "-p", "sandbox", "task", "list", "-o", "json");
            assertEquals(0, list.exit(), list::toString);
            JsonNode tasks = JSON.readTree(list.out());
            Set<String> listed = new HashSet<>();
            tasks.forEach(t -> listed.add(t.path("id").asText()));
            assertTrue(listed.containsAll(ids), "every create landed in the one world: " + ids + " vs " + listed);
        } finally {
            pool.shutdownNow();
        }
        assertEquals("", cold());
    }
}
