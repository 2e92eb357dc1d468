package bkops.testing;

import bkops.cli.CliContext;
import bkops.sandbox.Faults;
import bkops.sandbox.ManualClock;
import bkops.sandbox.RecordedRequest;
import bkops.sandbox.Sandbox;
import bkops.sandbox.SandboxCredentials;
import bkops.sandbox.SandboxOptions;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A sandbox of a test's own (temp state dir, manual clock, loopback port) and the environment that points bkops at it.
 * Commands run in-process through {@link CliRun}; every call still goes over real HTTP.
 */
public final class TestSandbox implements AutoCloseable {
    public static final Instant EPOCH = Instant.parse("2026-11-25T02:00:00Z");

    private final Sandbox sandbox;
    private final ManualClock clock;
    private final Path home;

    private TestSandbox(Sandbox sandbox, ManualClock clock, Path home) {
        this.sandbox = sandbox;
        this.clock = clock;
        this.home = home;
    }

    public static TestSandbox start(Path dir) {
        ManualClock clock = new ManualClock(EPOCH);
        try {
            Sandbox s = Sandbox.start(new SandboxOptions().stateDir(dir.resolve("state")).port(0).clock(clock));
            return new TestSandbox(s, clock, dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** bkops configured for the sandbox through the environment, as a CI job would be, via the API gateway. */
    public Map<String, String> env() {
        Map<String, String> env = new HashMap<>();
        env.put("HOME", home.toString());
        env.put("XDG_CONFIG_HOME", home.resolve("config").toString());
        env.put("XDG_CACHE_HOME", home.resolve("cache").toString());
        env.put("XDG_STATE_HOME", home.resolve("xdg-state").toString());
        env.put("BKOPS_SOPS_URL", sandbox.sopsGatewayUrl());
        env.put("BKOPS_JOB_URL", sandbox.jobGatewayUrl());
        env.put("BKOPS_BIZ", String.valueOf(SandboxCredentials.BIZ_ID));
        env.put("BK_APP_CODE", SandboxCredentials.APP_CODE);
        env.put("BK_APP_SECRET", SandboxCredentials.APP_SECRET);
        env.put("BK_USERNAME", SandboxCredentials.USERNAME);
        env.put("BKOPS_RETRIES", "0");
        return env;
    }

    /** The same through the legacy ESB front door. */
    public Map<String, String> esbEnv() {
        Map<String, String> env = env();
        env.put("BKOPS_SOPS_URL", sandbox.esbUrl());
        env.put("BKOPS_JOB_URL", sandbox.esbUrl());
        env.put("BKOPS_GATEWAY", "esb");
        return env;
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

    public CliRun.Result runEsb(String... args) {
        return CliRun.run(esbEnv(), null, sleeper(), false, args);
    }

    /** Waiting in a test moves simulated time instead of the wall clock. */
    public CliContext.Sleeper sleeper() {
        return clock::advance;
    }

    public ManualClock clock() {
        return clock;
    }

    public Faults faults() {
        return sandbox.faults();
    }

    public List<RecordedRequest> requests() {
        return sandbox.requests();
    }

    public void clearRequests() {
        sandbox.clearRequests();
    }

    public Sandbox sandbox() {
        return sandbox;
    }

    public void advance(Duration d) {
        clock.advance(d);
    }

    @Override
    public void close() {
        sandbox.close();
    }
}
