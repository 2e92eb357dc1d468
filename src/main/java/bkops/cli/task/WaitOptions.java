package bkops.cli.task;

import bkops.config.ConfigException;
import bkops.config.Durations;
import bkops.ops.PollInterval;
import picocli.CommandLine.Option;

import java.time.Duration;

/**
 * Options of every verb that waits (watch, wait, create/start --wait). The wait's deadline is the global
 * {@code --timeout}: on these verbs it bounds the whole wait (exit 124 when it passes) instead of each request, whose
 * timeout then comes from BKOPS_TIMEOUT or the profile.
 */
public final class WaitOptions {
    @Option(names = "--interval", paramLabel = "DURATION",
            description = "Read the status every DURATION (default: 1s growing to 10s, the server's status cache).")
    String interval;

    PollInterval interval() {
        if (interval == null) {
            return PollInterval.growing();
        }
        Duration d = parse(interval, "--interval");
        if (d.isZero() || d.isNegative()) {
            throw new ConfigException("--interval must be positive, got '" + interval + "'");
        }
        return PollInterval.fixed(d);
    }

    private static Duration parse(String text, String flag) {
        try {
            return Durations.parse(text);
        } catch (RuntimeException e) {
            throw new ConfigException(flag + ": " + e.getMessage());
        }
    }
}
