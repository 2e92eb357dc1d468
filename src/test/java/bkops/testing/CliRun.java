package bkops.testing;

import bkops.cli.Cli;
import bkops.cli.CliContext;

import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;

/**
 * The one way tests run the real command line: in-process, with its own streams and environment (nothing global is
 * touched); every run is recorded for the secret scan ({@link OutputLog}: a config command as CONFIG).
 */
public final class CliRun {
    private CliRun() {}

    /** What one run printed and how it ended. toString shows everything, for assertion messages. */
    public record Result(int exit, String out, String err) {
        @Override
        public String toString() {
            return "exit " + exit + "\n--- stdout ---\n" + out + "--- stderr ---\n" + err;
        }
    }

    public static Result run(Map<String, String> env, String stdin, CliContext.Sleeper sleeper, boolean terminal,
                             String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CliContext ctx = new CliContext(new PrintWriter(out, true), new PrintWriter(err, true),
                new ByteArrayInputStream((stdin == null ? "" : stdin).getBytes(StandardCharsets.UTF_8)),
                env, terminal, terminal, sleeper);
        int code = Cli.run(ctx, args);
        Result r = new Result(code, out.toString(), err.toString());
        OutputLog.record(Arrays.asList(args).contains("config") ? OutputLog.Source.CONFIG : OutputLog.Source.COMMAND,
                env, r);
        return r;
    }

    public static Result run(Map<String, String> env, String... args) {
        return run(env, null, CliContext.Sleeper.REAL, false, args);
    }
}
