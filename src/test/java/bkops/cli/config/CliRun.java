package bkops.cli.config;

import java.util.Map;

/**
 * A config command's run under the names ConfigCommandTest was written with; the run itself is the one runner's,
 * {@link bkops.testing.CliRun} (recorded for the secret scan). Config commands never wait: a wait fails the test.
 */
record CliRun(int code, String out, String err) {
    static CliRun run(Map<String, String> env, String stdin, boolean terminal, String... args) {
        bkops.testing.CliRun.Result r = bkops.testing.CliRun.run(env, stdin,
                d -> { throw new AssertionError("config commands never wait"); }, terminal, args);
        return new CliRun(r.exit(), r.out(), r.err());
    }

    String all() {
        return out + err;
    }
}
