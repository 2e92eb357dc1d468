package bkops.cli;

import bkops.daemon.CommandRunner;
import bkops.render.TerminalSize;

/**
 * The daemon's commands, run as a cold process runs them ({@link Cli#run}), with the built-in profile's sandboxes
 * kept running between them ({@link ResidentSandboxes}).
 */
public final class DaemonRunner implements CommandRunner {
    private final ResidentSandboxes sandboxes = new ResidentSandboxes();

    @Override
    public int run(Invocation inv) {
        // COLUMNS/LINES from the client's environment win, as they do in a cold run; then the size it sent
        TerminalSize.Size given = TerminalSize.fromEnv(inv.env()).get();
        TerminalSize size = TerminalSize.fixed(given.columns() > 0 ? given.columns() : inv.columns(),
                given.lines() > 0 ? given.lines() : inv.lines());
        CliContext ctx = new CliContext(inv.out(), inv.err(), inv.in(), inv.env(), inv.stdoutTerminal(), false,
                CliContext.Sleeper.REAL, size, sandboxes);
        return Cli.run(ctx, inv.args().toArray(String[]::new));
    }

    @Override
    public int residentSandboxes() {
        return sandboxes.size();
    }

    @Override
    public void close() {
        sandboxes.close();
    }
}
