package bkops;

import bkops.cli.Cli;
import bkops.cli.CliContext;
import bkops.cli.Terminals;
import bkops.render.TerminalSize;

import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;

/** Entry point: the only place that calls System.exit. */
public final class Main {
    private Main() {}

    public static void main(String[] args) {
        // each stream on its own (cli.Terminals): a prompt needs stdin, colour, width and redrawing need stdout
        boolean stdinTty = Terminals.isTerminal(0);
        boolean stdoutTty = Terminals.isTerminal(1);
        Terminals.installWindowsConsole(stdoutTty);
        // after the console is installed (Windows): it replaces System.out and System.err
        PrintWriter out = new PrintWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), true);
        PrintWriter err = new PrintWriter(new OutputStreamWriter(System.err, StandardCharsets.UTF_8), true);
        CliContext ctx = new CliContext(out, err, System.in, System.getenv(), stdoutTty, stdinTty, CliContext.Sleeper.REAL,
                TerminalSize.system(System.getenv()), null);
        int code = Cli.run(ctx, args);
        out.flush();
        err.flush();
        System.exit(code);
    }
}
