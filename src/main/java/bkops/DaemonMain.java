package bkops;

import bkops.cli.DaemonRunner;
import bkops.daemon.DaemonFile;
import bkops.daemon.DaemonServer;

import java.nio.file.Path;
import java.time.Duration;

/**
 * The daemon process, started detached by bin/bkops or `bkops daemon start` as
 * {@code java -cp bkops.jar bkops.DaemonMain}: the resident server (bkops.daemon) given the command line's runner.
 * Its stderr is the daemon's log. BKOPS_DAEMON_IDLE_MINUTES sets the idle limit (default 15).
 */
public final class DaemonMain {
    private DaemonMain() {}

    public static void main(String[] args) throws Exception {
        Path jar = Path.of(DaemonMain.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        DaemonServer server;
        try {
            server = DaemonServer.start(DaemonFile.location(System.getenv()), jar,
                    DaemonServer.idleLimit(System.getenv("BKOPS_DAEMON_IDLE_MINUTES")), System.err, new DaemonRunner());
        } catch (DaemonServer.AlreadyRunning e) {
            System.err.println("bkops daemon: " + e.getMessage());
            System.exit(0);
            return;
        }
        server.awaitStop(Duration.ofMinutes(1));
        System.exit(0);
    }
}
