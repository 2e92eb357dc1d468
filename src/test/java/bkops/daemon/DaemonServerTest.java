package bkops.daemon;

import bkops.cli.DaemonRunner;
import bkops.testing.BkopsTest;
import bkops.testing.CliRun;
import bkops.testing.OutputLog;
import bkops.testing.TestSandbox;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The server over real loopback sockets, spoken to as bin/bkops speaks; and `bkops daemon status|stop`. */
@BkopsTest
class DaemonServerTest {
    @TempDir
    Path dir;
    private TestSandbox sandbox;
    private DaemonServer daemon;
    private Path jar;
    private final ByteArrayOutputStream log = new ByteArrayOutputStream();

    @BeforeEach
    void start() throws IOException {
        jar = Files.writeString(dir.resolve("bkops.jar"), "jar");
        daemon = DaemonServer.start(file(), jar, Duration.ofMinutes(15), new PrintStream(log, true, StandardCharsets.UTF_8),
                new DaemonRunner());
    }

    @AfterEach
    void stop() {
        daemon.close();
    }

    private Path file() {
        return dir.resolve("run/bkops/daemon");
    }

    @Test
    void theDaemonFileIsPrivateAndHoldsA32ByteToken() throws IOException {
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file())));
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file().getParent())));
        DaemonFile f = DaemonFile.read(file()).orElseThrow();
        assertEquals(daemon.port(), f.port());
        assertTrue(f.token().matches("[0-9a-f]{64}"), "hex of 32 bytes");
        assertEquals(ProcessHandle.current().pid(), f.pid());
        assertFalse(f.toString().contains(f.token()));
    }

    @Test
    void aSecondDaemonOfTheSameUserDoesNotStart() {
        assertThrows(DaemonServer.AlreadyRunning.class,
                () -> DaemonServer.start(file(), jar, Duration.ofMinutes(15), new PrintStream(log), new DaemonRunner()));
    }

    @Test
    void concurrentRequestsEachGetTheirOwnOutputAndCode() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<String>> replies = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                String[] args = i % 2 == 0 ? new String[] {"template", "list", "-o", "id"}
                        : new String[] {"template", "show", "99999" + i};
                replies.add(pool.submit(() -> request(token(), args)));
            }
            String ids = sandbox.run("template", "list", "-o", "id").out();
            for (int i = 0; i < 8; i++) {
                Reply reply = Reply.decode(replies.get(i).get());
                if (i % 2 == 0) {
                    assertEquals(new Reply(ids, "", 0), reply);
                } else {
                    assertEquals(5, reply.code());
                    assertEquals("", reply.out());
                    assertTrue(reply.err().contains("template 99999" + i), reply.err());
                }
            }
        } finally {
            pool.shutdownNow();
        }
        assertTrue(daemon.status().contains("served=8"), daemon.status());
    }

    @Test
    void aWrongOrMissingTokenIsRefusedBeforeAnythingRuns() throws Exception {
        assertEquals("f\n", request("00".repeat(32), "template", "list"));
        assertEquals("f\n", request("", "template", "list"));
        assertEquals("f\n", send("GET / HTTP/1.1\r\n\r\n\0\0\0".getBytes(StandardCharsets.US_ASCII)));
        assertTrue(sandbox.requests().isEmpty(), "nothing reached the server");
        assertTrue(daemon.status().contains("served=0"));
        assertFalse(log.toString(StandardCharsets.UTF_8).contains(DaemonFile.read(file()).orElseThrow().token()));
    }

    @Test
    void idleMeansNoCommandForTheWholeLimit() {
        long now = System.nanoTime();
        assertFalse(daemon.idleExpired(now));
        assertFalse(daemon.idleExpired(now + Duration.ofMinutes(14).toNanos()));
        assertTrue(daemon.idleExpired(now + Duration.ofMinutes(16).toNanos()));
    }

    @Test
    void daemonStatusAndStopThroughTheCli() {
        Map<String, String> env = sandbox.env();
        env.put("XDG_RUNTIME_DIR", dir.resolve("run").toString());
        CliRun.Result status = sandbox.run(env, "daemon", "status");
        assertEquals(0, status.exit(), status.err());
        assertTrue(status.out().startsWith("pid      " + ProcessHandle.current().pid() + "\nport     " + daemon.port()
                + "\n"), status.out());
        assertTrue(status.out().contains("served   0 commands (0 running)"), status.out());

        CliRun.Result stop = sandbox.run(env, "daemon", "stop");
        assertEquals(0, stop.exit());
        assertEquals("bkops daemon: stopped\n", stop.err());
        assertFalse(Files.exists(file()));

        CliRun.Result none = sandbox.run(env, "daemon", "status");
        assertEquals(5, none.exit());
        assertEquals("", none.out());
        assertTrue(none.err().contains("no bkops daemon is running"), none.err());
    }

    @Test
    void idleLimitComesFromTheEnvironmentWithASafeDefault() {
        assertEquals(Duration.ofMinutes(3), DaemonServer.idleLimit("3"));
        assertEquals(Duration.ofMinutes(15), DaemonServer.idleLimit(null));
        assertEquals(Duration.ofMinutes(15), DaemonServer.idleLimit("soon"));
        assertEquals(Duration.ofMinutes(15), DaemonServer.idleLimit("0"));
    }

    /** What bin/bkops makes of a reply: the frames of fd 1 and fd 2 joined, and the final code. */
    record Reply(String out, String err, int code) {
        static Reply decode(String reply) {
            assertTrue(reply.startsWith("ok\n"), reply);
            byte[] b = reply.getBytes(StandardCharsets.UTF_8);
            ByteArrayOutputStream[] fds = {new ByteArrayOutputStream(), new ByteArrayOutputStream()};
            int i = 3;
            while (true) {
                int nl = indexOf(b, i);
                String[] head = new String(b, i, nl - i, StandardCharsets.US_ASCII).split(" ");
                i = nl + 1;
                if (head[0].equals("x")) {
                    assertEquals(b.length, i, "nothing after the code");
                    return new Reply(fds[0].toString(StandardCharsets.UTF_8), fds[1].toString(StandardCharsets.UTF_8),
                            Integer.parseInt(head[1]));
                }
                int n = Integer.parseInt(head[1]);
                fds[Integer.parseInt(head[0]) - 1].write(b, i, n);
                i += n;
            }
        }

        private static int indexOf(byte[] b, int from) {
            for (int i = from; i < b.length; i++) {
                if (b[i] == '\n') {
                    return i;
                }
            }
            throw new AssertionError("unterminated frame header");
        }
    }

    private String token() {
        return DaemonFile.read(file()).orElseThrow().token();
    }

    /** A run request as bin/bkops sends it (cwd here, no terminal, no stdin); the whole reply. */
    private String request(String token, String... args) throws IOException {
        ByteArrayOutputStream req = new ByteArrayOutputStream();
        List<String> fields = new ArrayList<>(List.of(Wire.MAGIC, token, "run", Path.of("").toAbsolutePath().toString(),
                "0", jar.toString(), String.valueOf(args.length)));
        fields.addAll(List.of(args));
        Map<String, String> env = sandbox.env();
        if (System.getenv("TZ") != null) {
            env.put("TZ", System.getenv("TZ"));
        }
        fields.add(String.valueOf(env.size()));
        env.forEach((k, v) -> fields.add(k + "=" + v));
        fields.add("0");
        for (String f : fields) {
            req.write(f.getBytes(StandardCharsets.UTF_8));
            req.write(0);
        }
        String reply = send(req.toByteArray());
        OutputLog.record(OutputLog.Source.DAEMON, env, new CliRun.Result(0, reply, ""));
        return reply;
    }

    private String send(byte[] request) throws IOException {
        try (Socket s = new Socket(InetAddress.getLoopbackAddress(), daemon.port())) {
            s.setSoTimeout(20_000);
            OutputStream out = s.getOutputStream();
            out.write(request);
            out.flush();
            InputStream in = s.getInputStream();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
