package bkops.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.ByteArrayInputStream;
import java.util.Map;

/**
 * Runs in its own JVM for {@link TrustConfigLockTest}: {@code count} 'config set' edits of profiles of its own, each a
 * whole run of the command line, on the config file under {@code args[0]} (XDG_CONFIG_HOME).
 */
public final class ConfigSetWorker {
    private ConfigSetWorker() {}

    public static void main(String[] args) {
        Map<String, String> env = Map.of("XDG_CONFIG_HOME", args[0], "HOME", args[0]);
        int count = Integer.parseInt(args[1]);
        String tag = args[2];
        for (int i = 0; i < count; i++) {
            StringWriter err = new StringWriter();
            CliContext ctx = new CliContext(new PrintWriter(new StringWriter(), true), new PrintWriter(err, true),
                    new ByteArrayInputStream(new byte[0]), env, false, false, CliContext.Sleeper.REAL);
            int code = Cli.run(ctx, "-p", tag + "-" + i, "config", "set", "biz", String.valueOf(i + 1));
            if (code != 0) {
                System.err.println(err);
                System.exit(code);
            }
        }
        System.exit(0);
    }
}
