package bkops;

import bkops.cli.Cli;
import bkops.cli.CliContext;

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
        CliContext ctx = new CliContext(out, err, System.in, System.getenv(), tty, tty, CliContext.Sleeper.REAL);
        int code = Cli.run(ctx, args);
        out.flush();
        err.flush();
        System.exit(code);
    }
}
