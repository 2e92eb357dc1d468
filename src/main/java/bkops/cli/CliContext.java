package bkops.cli;

import bkops.render.TerminalSize;

import java.io.InputStream;
import java.io.PrintWriter;
import java.util.Map;

/**
 * What a run of bkops gets from its surroundings: streams, environment, whether stdout/stdin are terminals,
 * and how to wait. Tests build one with StringWriters, a private environment and a sleeper that advances
 * the sandbox clock instead of sleeping. {@code terminalSize} says how big stdout's terminal is (tests give one with
 * COLUMNS/LINES); {@code sandboxes}, when set, keeps the built-in profile's sandbox running between runs (the daemon).
 */
public record CliContext(PrintWriter out, PrintWriter err, InputStream in, Map<String, String> env,
                         boolean stdoutIsTerminal, boolean stdinIsTerminal, Sleeper sleeper,
                         TerminalSize terminalSize, ResidentSandboxes sandboxes) {

    /** A run with COLUMNS/LINES as the only source of the terminal's size and a sandbox of its own. */
    public CliContext(PrintWriter out, PrintWriter err, InputStream in, Map<String, String> env,
                      boolean stdoutIsTerminal, boolean stdinIsTerminal, Sleeper sleeper) {
        this(out, err, in, env, stdoutIsTerminal, stdinIsTerminal, sleeper, TerminalSize.fromEnv(env), null);
    }

    /** How the run waits (bkops.api.Sleeper: retries, polls, read-backs); tests give one that moves their clock. */
    @FunctionalInterface
    public interface Sleeper extends bkops.api.Sleeper {
        Sleeper REAL = d -> bkops.api.Sleeper.REAL.sleep(d);
    }

    /** The same surroundings writing to other streams (e.g. guarded ones). */
    public CliContext withStreams(PrintWriter out, PrintWriter err) {
        return new CliContext(out, err, in, env, stdoutIsTerminal, stdinIsTerminal, sleeper, terminalSize, sandboxes);
    }

    public String env(String name) {
        String v = env.get(name);
        return v == null || v.isEmpty() ? null : v;
    }
}
