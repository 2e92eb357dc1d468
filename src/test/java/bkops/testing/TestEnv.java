package bkops.testing;

import bkops.cli.CliContext;
import bkops.sandbox.ManualClock;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * A private environment for bkops: a home in a temp dir with every XDG directory under it (so no run reads or writes
 * the real ~/.config, ~/.local/state, ~/.cache or the daemon's runtime dir) and a manual clock that any wait of a
 * command moves instead of sleeping. No server and no credentials: {@link TestSandbox} adds the sandbox's; a test of
 * another server adds its own. Given by {@link BkopsTest} (a field or parameter of this type), or made with {@link #in}.
 */
public final class TestEnv {
    /** Where every test clock starts (the sandbox's seeded data is dated around it). */
    public static final Instant EPOCH = Instant.parse("2026-11-25T02:00:00Z");

    private final Path home;
    private final ManualClock clock;

    private TestEnv(Path home, ManualClock clock) {
        this.home = home;
        this.clock = clock;
    }

    public static TestEnv in(Path home) {
        return new TestEnv(home, new ManualClock(EPOCH));
    }

    static TestEnv in(Path home, ManualClock clock) {
        return new TestEnv(home, clock);
    }

    public Path home() {
        return home;
    }

    /** The profile file bkops reads and writes in this environment ($XDG_CONFIG_HOME/bkops/config). */
    public Path configFile() {
        return home.resolve("config").resolve("bkops").resolve("config");
    }

    /** The completion cache (XDG_CACHE_HOME/bkops/complete). */
    public Path completionCache() {
        return home.resolve("cache").resolve("bkops").resolve("complete");
    }

    /** A fresh, mutable copy: HOME and the four XDG directories, all under {@link #home()}. */
    public Map<String, String> env() {
        Map<String, String> env = new HashMap<>();
        env.put("HOME", home.toString());
        env.put("XDG_CONFIG_HOME", home.resolve("config").toString());
        env.put("XDG_CACHE_HOME", home.resolve("cache").toString());
        env.put("XDG_STATE_HOME", home.resolve("xdg-state").toString());
        env.put("XDG_RUNTIME_DIR", home.resolve("run").toString());
        return env;
    }

    public ManualClock clock() {
        return clock;
    }

    public void advance(Duration d) {
        clock.advance(d);
    }

    /** Waiting in a test moves the manual clock instead of the wall clock. */
    public CliContext.Sleeper sleeper() {
        return clock::advance;
    }

    public CliRun.Result run(String... args) {
        return CliRun.run(env(), null, sleeper(), false, args);
    }

    public CliRun.Result run(Map<String, String> env, String... args) {
        return CliRun.run(env, null, sleeper(), false, args);
    }

    public CliRun.Result runWithStdin(String stdin, String... args) {
        return CliRun.run(env(), stdin, sleeper(), false, args);
    }
}
