package bkops.daemon;

import bkops.ExitCode;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The resident JVM: accepts loopback connections from bin/bkops, checks the token, and runs each command with the
 * {@link CommandRunner} it was given, in a thread of its own, with the client's environment, streaming the output back.
 * Replies to a request header: "ok" (running it), "f" (refused), "s" (stale jar: the daemon is leaving), "d" (declined:
 * take the cold path). After "ok" for a command, frames "1 N"/"2 N" + N bytes and a final "x CODE".
 * The runner keeps the built-in profile's sandboxes running between commands, one per state directory.
 */
public final class DaemonServer implements AutoCloseable {
    /** How often the idle and jar checks run. */
    static final Duration CHECK_EVERY = Duration.ofSeconds(10);
    private static final int HEADER_TIMEOUT_MS = 10_000;

    private final ServerSocket server;
    private final byte[] token;
    private final Path file;
    private final JarIdentity jar;
    private final Duration idle;
    private final ServePolicy policy;
    private final PrintStream log;
    private final FileChannel lockChannel;
    private final FileLock lock;
    private final long startNanos = System.nanoTime();
    private final AtomicLong lastActivityNanos = new AtomicLong(startNanos);
    private final AtomicInteger active = new AtomicInteger();
    private final AtomicLong served = new AtomicLong();
    private final CountDownLatch stopped = new CountDownLatch(1);
    private final CommandRunner runner;
    private volatile String stopReason;

    /** Thrown when another daemon of this user already holds the lock. */
    public static final class AlreadyRunning extends IOException {
        AlreadyRunning(Path lockFile) {
            super("a daemon is already running (lock " + lockFile + ")");
        }
    }

    private DaemonServer(ServerSocket server, byte[] token, Path file, JarIdentity jar, Duration idle,
                         ServePolicy policy, PrintStream log, FileChannel lockChannel, FileLock lock,
                         CommandRunner runner) {
        this.runner = runner;
        this.server = server;
        this.token = token;
        this.file = file;
        this.jar = jar;
        this.idle = idle;
        this.policy = policy;
        this.log = log;
        this.lockChannel = lockChannel;
        this.lock = lock;
    }

    /**
     * Takes the per-user lock next to {@code daemonFile}, listens on an ephemeral loopback port, writes the daemon
     * file and starts accepting. {@code jar} is the jar clients must be running for the daemon to serve them.
     */
    public static DaemonServer start(Path daemonFile, Path jarPath, Duration idle, PrintStream log, CommandRunner runner)
            throws IOException {
        Files.createDirectories(daemonFile.getParent());
        Path lockFile = daemonFile.resolveSibling(daemonFile.getFileName() + ".lock");
        FileChannel ch = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        FileLock lock;
        try {
            lock = ch.tryLock();
        } catch (OverlappingFileLockException sameJvm) {
            lock = null;
        }
        if (lock == null) {
            ch.close();
            throw new AlreadyRunning(lockFile);
        }
        byte[] token = new byte[32];
        new SecureRandom().nextBytes(token);
        ServerSocket ss = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        ServePolicy policy = new ServePolicy(Path.of("").toAbsolutePath(), System.getenv("TZ"));
        DaemonServer d = new DaemonServer(ss, token, daemonFile, JarIdentity.of(jarPath), idle, policy, log, ch, lock,
                runner);
        new DaemonFile(ss.getLocalPort(), HexFormat.of().formatHex(token), ProcessHandle.current().pid())
                .write(daemonFile);
        d.thread("bkops-daemon-accept", d::acceptLoop).start();
        d.thread("bkops-daemon-check", d::checkLoop).start();
        log.println("bkops daemon: listening on 127.0.0.1:" + ss.getLocalPort() + ", pid "
                + ProcessHandle.current().pid() + ", idle limit " + idle.toMinutes() + " min");
        return d;
    }

    /** The idle limit from BKOPS_DAEMON_IDLE_MINUTES: whole minutes, 15 when unset or not a positive number. */
    public static Duration idleLimit(String minutes) {
        try {
            long m = Long.parseLong(minutes == null ? "" : minutes.trim());
            return m > 0 ? Duration.ofMinutes(m) : Duration.ofMinutes(15);
        } catch (NumberFormatException e) {
            return Duration.ofMinutes(15);
        }
    }

    public int port() {
        return server.getLocalPort();
    }

    /** Blocks until the daemon stops, then until running commands end (at most {@code grace}); the stop reason. */
    public String awaitStop(Duration grace) throws InterruptedException {
        stopped.await();
        long until = System.nanoTime() + grace.toNanos();
        while (active.get() > 0 && System.nanoTime() < until) {
            Thread.sleep(50);
        }
        return stopReason;
    }

    /** Whether the daemon has been idle past its limit at {@code nowNanos} (System.nanoTime scale). */
    boolean idleExpired(long nowNanos) {
        return active.get() == 0 && nowNanos - lastActivityNanos.get() > idle.toNanos();
    }

    @Override
    public void close() {
        stop("closed");
    }

    void stop(String reason) {
        synchronized (this) {
            if (stopReason != null) {
                return;
            }
            stopReason = reason;
        }
        log.println("bkops daemon: stopping: " + reason);
        try {
            server.close();
        } catch (IOException ignored) {
            // closing is all we wanted
        }
        // Only remove the file if it is still ours: a successor may have written its own.
        DaemonFile.read(file).filter(f -> f.port() == port()).ifPresent(f -> {
            try {
                Files.deleteIfExists(file);
            } catch (IOException ignored) {
                // a stale file is detected by the client (refused connection) and replaced by the next daemon
            }
        });
        runner.close();
        try {
            lock.release();
            lockChannel.close();
        } catch (IOException ignored) {
            // the lock goes with the process anyway
        }
        stopped.countDown();
    }

    private Thread thread(String name, Runnable r) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        return t;
    }

    private void acceptLoop() {
        while (!server.isClosed()) {
            try {
                Socket s = server.accept();
                thread("bkops-daemon-request", () -> handle(s)).start();
            } catch (IOException e) {
                if (!server.isClosed()) {
                    log.println("bkops daemon: accept failed: " + e.getMessage());
                }
            }
        }
    }

    private void checkLoop() {
        while (stopReason == null) {
            try {
                Thread.sleep(CHECK_EVERY.toMillis());
            } catch (InterruptedException e) {
                return;
            }
            if (idleExpired(System.nanoTime())) {
                stop("idle for " + idle.toMinutes() + " min");
            } else if (!jar.unchanged()) {
                stop("the jar changed on disk");
            }
        }
    }

    private void handle(Socket s) {
        try (s) {
            s.setSoTimeout(HEADER_TIMEOUT_MS);
            s.setTcpNoDelay(true);
            InputStream in = s.getInputStream();
            OutputStream out = s.getOutputStream();
            if (!Wire.MAGIC.equals(Wire.field(in)) || !tokenMatches(Wire.field(in))) {
                log.println("bkops daemon: refused a request without the right token");
                reply(out, "f");
                return;
            }
            String kind = Wire.field(in);
            switch (kind) {
                case "run" -> run(s, in, out);
                case "status" -> {
                    reply(out, "ok");
                    out.write(status().getBytes(StandardCharsets.UTF_8));
                }
                case "stop" -> {
                    reply(out, "ok");
                    stop("asked to stop");
                }
                default -> reply(out, "f");
            }
        } catch (IOException e) {
            log.println("bkops daemon: request failed: " + e.getMessage());
        }
    }

    String status() {
        long up = Duration.ofNanos(System.nanoTime() - startNanos).toSeconds();
        return "pid=" + ProcessHandle.current().pid() + "\nport=" + port() + "\nuptime_seconds=" + up
                + "\nserved=" + served.get() + "\nrunning=" + active.get() + "\nidle_limit_minutes="
                + idle.toMinutes() + "\nsandboxes=" + runner.residentSandboxes() + "\n";
    }

    private boolean tokenMatches(String presented) {
        return MessageDigest.isEqual(token, decodeOrEmpty(presented));
    }

    private static byte[] decodeOrEmpty(String hex) {
        try {
            return HexFormat.of().parseHex(hex);
        } catch (IllegalArgumentException e) {
            return new byte[0];
        }
    }

    private void run(Socket s, InputStream in, OutputStream out) throws IOException {
        Path cwd = Path.of(Wire.field(in));
        Terminal tty = Terminal.parse(Wire.field(in));
        String clientJar = Wire.field(in);
        List<String> args = new ArrayList<>();
        for (int n = Wire.count(in); n > 0; n--) {
            args.add(Wire.field(in));
        }
        Map<String, String> env = new HashMap<>();
        for (int n = Wire.count(in); n > 0; n--) {
            String kv = Wire.field(in);
            int eq = kv.indexOf('=');
            if (eq > 0) {
                env.put(kv.substring(0, eq), kv.substring(eq + 1));
            }
        }
        if (!jar.serves(clientJar)) {
            reply(out, "s");
            stop("a client runs another jar or this one changed on disk");
            return;
        }
        Optional<String> declined = policy.decline(cwd, args, env);
        if (declined.isPresent()) {
            reply(out, "d");
            return;
        }
        reply(out, "ok");
        s.setSoTimeout(0); // authenticated: stdin may come from a slow pipe, and the command may run for hours
        byte[] stdin = Wire.bytes(in);
        active.incrementAndGet();
        try {
            execute(in, out, args, env, tty, stdin);
        } finally {
            served.incrementAndGet();
            lastActivityNanos.set(System.nanoTime());
            active.decrementAndGet();
        }
    }

    private void execute(InputStream in, OutputStream out, List<String> args, Map<String, String> env, Terminal tty,
                         byte[] stdin) throws IOException {
        Thread command = Thread.currentThread();
        Object doneLock = new Object();
        boolean[] done = {false};
        // The client sends "i" on Ctrl-C and closes the socket if it dies: either way the command is interrupted,
        // so watch/wait print their resume hint (to a client still listening) and end with 130.
        Thread watcher = thread("bkops-daemon-interrupt", () -> {
            try {
                in.read();
            } catch (IOException ignored) {
                // a reset connection is the same signal as an "i"
            }
            synchronized (doneLock) {
                if (!done[0]) {
                    command.interrupt();
                }
            }
        });
        watcher.start();
        PrintWriter o = new PrintWriter(new FrameWriter(out, '1'), true);
        PrintWriter e = new PrintWriter(new FrameWriter(out, '2'), true);
        int code;
        try {
            // stdin is the bytes the client sent, never a terminal: the client keeps commands that may prompt.
            code = runner.run(new CommandRunner.Invocation(List.copyOf(args), o, e, new ByteArrayInputStream(stdin),
                    Map.copyOf(env), tty.stdout(), tty.columns(), tty.lines()));
        } catch (OutOfMemoryError ex) {
            e.println("bkops: the daemon ran out of memory for this command; run it without BKOPS_DAEMON=1");
            code = ExitCode.INTERNAL.code();
        } catch (RuntimeException | Error ex) {
            // the runner reports command errors itself; this is a bug in bkops, said once without a stack trace.
            e.println("bkops: internal error in the daemon: " + ex);
            code = ExitCode.INTERNAL.code();
        } finally {
            synchronized (doneLock) {
                done[0] = true;
            }
            Thread.interrupted(); // an interrupt that raced with the end of the command must not outlive it
        }
        o.flush();
        e.flush();
        try {
            out.write(("x " + code + "\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
        } catch (SocketException gone) {
            // the client left (Ctrl-C twice); nothing to deliver
        }
    }

    /**
     * The client's stdout: the field is "0", or "1" for a terminal followed by its size as `stty size` prints it
     * ("LINES COLUMNS", absent when stty could not tell).
     */
    record Terminal(boolean stdout, int lines, int columns) {
        static Terminal parse(String field) {
            String[] f = field.trim().split("\\s+");
            if (!f[0].equals("1")) {
                return new Terminal(false, 0, 0);
            }
            return f.length == 3 ? new Terminal(true, number(f[1]), number(f[2])) : new Terminal(true, 0, 0);
        }

        private static int number(String s) {
            try {
                int n = Integer.parseInt(s);
                return n > 0 && n < 100_000 ? n : 0;
            } catch (NumberFormatException e) {
                return 0;
            }
        }
    }

    private static void reply(OutputStream out, String word) throws IOException {
        out.write((word + "\n").getBytes(StandardCharsets.US_ASCII));
        out.flush();
    }
}
