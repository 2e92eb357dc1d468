package bkops.daemon;

import java.nio.file.Path;
import java.time.Duration;

/**
 * The daemon process, started detached by bin/bkops or `bkops daemon start` as
 * {@code java -cp bkops.jar bkops.daemon.DaemonMain}. Its stderr is the daemon's log. BKOPS_DAEMON_IDLE_MINUTES sets
 * the idle limit (default 15).
 */
public final class DaemonMain {
    private DaemonMain() {}

    public static void main(String[] args) throws Exception {
        Path jar = Path.of(DaemonMain.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        DaemonServer server;
        try {
            server = DaemonServer.start(DaemonFile.location(System.getenv()), jar, idleLimit(System.getenv("BKOPS_DAEMON_IDLE_MINUTES")),
                    System.err);
        } catch (DaemonServer.AlreadyRunning e) {
            System.err.println("bkops daemon: " + e.getMessage());
            System.exit(0);
            return;
        }
        server.awaitStop(Duration.ofMinutes(1));
        System.exit(0);
    }

    static Duration idleLimit(String minutes) {
        try {
            long m = Long.parseLong(minutes == null ? "" : minutes.trim());
            return m > 0 ? Duration.ofMinutes(m) : Duration.ofMinutes(15);
        } catch (NumberFormatException e) {
            return Duration.ofMinutes(15);
        }
    }
}
