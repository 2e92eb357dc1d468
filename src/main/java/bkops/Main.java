package bkops;

import bkops.cli.Cli;
import bkops.cli.CliContext;
import bkops.render.TerminalSize;

import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;

/** Entry point: the only place that calls System.exit. */
public final class Main {
    private Main() {}

    public static void main(String[] args) {
        PrintWriter out = new PrintWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), true);
        PrintWriter err = new PrintWriter(new OutputStreamWriter(System.err, StandardCharsets.UTF_8), true);
        boolean tty = System.console() != null;
        // System.console() needs stdin to be a terminal too; colour and redrawing need only stdout, which bin/bkops
        // tells ([ -t 1 ]), as the daemon's client does.
        boolean stdoutTty = tty || Boolean.getBoolean("bkops.stdout.tty");
        CliContext ctx = new CliContext(out, err, System.in, System.getenv(), stdoutTty, tty, CliContext.Sleeper.REAL,
                TerminalSize.system(System.getenv()), null);
        int code = Cli.run(ctx, args);
        out.flush();
        err.flush();
        System.exit(code);
    }
}
