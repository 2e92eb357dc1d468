package bkops.sandbox;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

/** How to start a {@link Sandbox}; builder-style setters return this. */
public final class SandboxOptions {
    private Path stateDir;
    private int port;
    private SandboxClock clock;
    private double speed = 1;
    private boolean caches = true;

    public SandboxOptions stateDir(Path dir) { this.stateDir = dir; return this; }
    public SandboxOptions port(int port) {
        if (port < 0 || port > 65535) throw new IllegalArgumentException("port " + port + " is out of range (0-65535; 0 = any free port)");
        this.port = port;
        return this;
    }
    public SandboxOptions clock(SandboxClock clock) { this.clock = clock; return this; }
    public SandboxOptions speed(double speed) {
        if (!(speed > 0)) throw new IllegalArgumentException("speed must be positive");
        this.speed = speed;
        return this;
    }

    /** The server's read caches (10 s status, 60 s detail) are on by default; off only for a test that needs it. */
    public SandboxOptions caches(boolean on) { this.caches = on; return this; }

    public int port() { return port; }

    boolean caches() { return caches; }

    /**
     * The state directory, which the starter gives: the sandbox imports nothing outside sandbox/, so the default
     * ($XDG_STATE_HOME/bkops/sandbox) is found by bkops.config.XdgPaths in the commands that start it.
     */
    public Path resolvedStateDir() {
        if (stateDir == null) {
            throw new IllegalStateException("no state directory given");
        }
        return stateDir;
    }

    /** The clock given, else the system clock run {@code speed} times faster from the moment of start. */
    SandboxClock resolvedClock() {
        if (clock != null) return clock;
        if (speed == 1) return Instant::now;
        Instant origin = Instant.now();
        long originNanos = System.nanoTime();
        double factor = speed;
        return () -> origin.plus(Duration.ofNanos((long) ((System.nanoTime() - originNanos) * factor)));
    }
}
