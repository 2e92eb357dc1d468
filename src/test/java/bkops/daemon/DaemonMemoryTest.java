package bkops.daemon;

import bkops.testing.BkopsTest;
import bkops.testing.CliRun;
import bkops.testing.LauncherJar;
import bkops.testing.Processes;
import bkops.testing.Slow;
import bkops.testing.TestEnv;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A real daemon JVM, started by bin/bkops with the heap the launcher gives it, serving a large answer: a server's
 * template list of about 24 MiB (the transport takes up to 32) is printed as a cold run prints it. With -Xmx96m and
 * the whole output held until the end, the daemon ran out of memory and the command failed with exit 1.
 */
@Slow
@BkopsTest
class DaemonMemoryTest {
    TestEnv local;
    Path dir;
    private HttpServer server;
    private Path daemonFile;

    @BeforeEach
    void start() throws IOException {
        dir = local.home();
        byte[] body = templateList(24 << 20);
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 8);
        server.createContext("/", ex -> {
            try (ex) {
                ex.getRequestBody().readAllBytes();
                ex.getResponseHeaders().set("Content-Type", "application/json");
                ex.sendResponseHeaders(200, body.length);
                try (OutputStream out = ex.getResponseBody()) {
                    out.write(body);
                }
            }
        });
        server.start();
        daemonFile = dir.resolve("run/bkops/daemon");
    }

    @AfterEach
    void stop() {
        DaemonClient.stop(daemonFile);
        server.stop(0);
    }

    /** get_template_list's answer with rows up to about {@code size} bytes: many small objects, the heaviest tree. */
    private static byte[] templateList(int size) {
        StringBuilder s = new StringBuilder(size + 1024).append("{\"result\": true, \"code\": 0, \"message\": \"\", "
                + "\"request_id\": \"r\", \"data\": [");
        for (int i = 1; s.length() < size; i++) {
            s.append(i == 1 ? "" : ", ").append("{\"id\": ").append(i).append(", \"name\": \"模板 template ").append(i)
                    .append("\", \"creator\": \"admin\", \"create_time\": \"2026-11-25 10:00:00+0800\", \"editor\": "
                            + "\"admin\", \"edit_time\": \"2026-11-25 10:00:00+0800\", \"category\": \"OpsTools\", "
                            + "\"bk_biz_id\": 2, \"bk_biz_name\": \"demo\"}");
        }
        return s.append("]}").toString().getBytes(StandardCharsets.UTF_8);
    }

    private Map<String, String> env() {
        Map<String, String> env = local.env();
        env.put("PATH", System.getenv("PATH"));
        env.put("BKOPS_SOPS_URL", "http://127.0.0.1:" + server.getAddress().getPort() + "/api/bk-sops/prod");
        env.put("BKOPS_BIZ", "2");
        env.put("BK_APP_CODE", "app");
        env.put("BK_APP_SECRET", "secret-of-the-memory-test");
        env.put("BK_USERNAME", "admin");
        env.put("BKOPS_RETRIES", "0");
        if (System.getenv("TZ") != null) {
            env.put("TZ", System.getenv("TZ"));
        }
        return env;
    }

    private CliRun.Result launcher(Map<String, String> env, String... args) throws Exception {
        ProcessBuilder pb = new ProcessBuilder(concat("bin/bkops", args));
        pb.environment().clear();
        pb.environment().putAll(env);
        Path out = Files.createTempFile(dir, "out", "");
        Path err = Files.createTempFile(dir, "err", "");
        pb.redirectOutput(out.toFile()).redirectError(err.toFile()).redirectInput(ProcessBuilder.Redirect.from(
                Path.of("/dev/null").toFile()));
        Process p = pb.start();
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "bin/bkops did not finish");
        return Processes.record(env, p.exitValue(), Files.readString(out), Files.readString(err));
    }

    private static List<String> concat(String first, String... rest) {
        java.util.ArrayList<String> l = new java.util.ArrayList<>(List.of(first));
        l.addAll(List.of(rest));
        return l;
    }

    @Test
    void aLargeAnswerIsServedAsAColdRunPrintsIt() throws Exception {
        Map<String, String> env = env();
        env.put("BKOPS_JAR", LauncherJar.build(dir.resolve("lib")).toString());
        env.put("JAVA_HOME", System.getProperty("java.home"));
        env.put("BKOPS_DAEMON", "1");
        // No daemon yet: this one runs cold and starts the daemon in the background, with the launcher's options.
        assertEquals(0, launcher(env, "--version").exit());
        Optional<Map<String, String>> status = Optional.empty();
        for (int i = 0; i < 600 && status.isEmpty(); i++) { // real time: a JVM starting, on a loaded machine
            Thread.sleep(100);
            status = DaemonClient.status(daemonFile);
        }
        assertTrue(status.isPresent(), "the daemon started: " + log());

        CliRun.Result served = launcher(env, "template", "list", "-o", "json");
        CliRun.Result inProcess = CliRun.run(env(), "template", "list", "-o", "json");
        assertEquals(0, inProcess.exit(), inProcess.err());
        assertEquals(0, served.exit(), served.err() + log());
        String count = "";
        for (int i = 0; i < 100 && !count.equals("1"); i++) { // counted just after the exit code went out
            count = DaemonClient.status(daemonFile).orElseThrow().get("served");
            Thread.sleep(count.equals("1") ? 0 : 50);
        }
        assertEquals("1", count, "served, not cold");
        assertEquals(inProcess.out().length(), served.out().length());
        assertEquals(inProcess.out(), served.out());
        assertTrue(inProcess.out().length() > 24 << 20);
    }

    private String log() throws IOException {
        Path log = dir.resolve("run/bkops/daemon.log");
        return Files.exists(log) ? Files.readString(log) : "(no daemon log)";
    }
}
