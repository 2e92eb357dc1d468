package bkops.cli.config;

import bkops.cli.Cli;
import bkops.cli.CliContext;
import bkops.testing.OutputLog;

import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/** Runs the real command line with captured streams, a given environment and stdin. */
record CliRun(int code, String out, String err) {
    static CliRun run(Map<String, String> env, String stdin, boolean terminal, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CliContext ctx = new CliContext(new PrintWriter(out), new PrintWriter(err),
                new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)), env, terminal, terminal,
                d -> { throw new AssertionError("config commands never wait"); });
        int code = Cli.run(ctx, args);
        OutputLog.record(OutputLog.Source.CONFIG, env, new bkops.testing.CliRun.Result(code, out.toString(), err.toString()));
        return new CliRun(code, out.toString(), err.toString());
    }

    String all() {
        return out + err;
    }
}
