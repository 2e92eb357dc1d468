package bkops.cli.task;

import bkops.cli.CliException;
import bkops.config.Durations;
import bkops.i18n.Text;
import bkops.ops.PollInterval;
import bkops.ops.WaitRule;
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

    // no precedent names such a switch: argo wait waits for a workflow to complete, a suspended one included, with no
    // flag; here exit 12 at a wait on someone is the contract scripts rely on, so the gate is opt-in, named for what
    // it waits through
    @Option(names = "--through-waiting", description = "A CI gate: wait past a paused task or node, a node "
            + "waiting for a callback, an approval or a Job confirmation, and a functional task not claimed yet, "
            + "saying what the task waits on each time that changes (on stderr; watch on a terminal: in its footer), "
            + "until it FINISHED (0), FAILED (10), was REVOKED (11), EXPIRED (13) or --timeout passed (124, naming "
            + "what it still waited on). Without it those end the wait with 12. On start and create: with --wait.")
    boolean throughWaiting;

    PollInterval interval() {
        if (interval == null) {
            return PollInterval.growing();
        }
        Duration d = parse(interval, "--interval");
        if (d.isZero() || d.isNegative()) {
            throw CliException.usage(Text.of("errors.cli.interval.positive", interval));
        }
        return PollInterval.fixed(d);
    }

    WaitRule rule() {
        return throughWaiting ? WaitRule.THROUGH_WAITING : WaitRule.STOP_AT_WAITING;
    }

    /** --through-waiting belongs to a wait: refused on a verb that does not wait (start, create without --wait). */
    void requireWait(boolean waits) {
        if (throughWaiting && !waits) {
            throw CliException.usage(Text.of("errors.cli.task.through-waiting"));
        }
    }

    private static Duration parse(String text, String flag) {
        try {
            return Durations.parse(text);
        } catch (RuntimeException e) {
            throw CliException.usage(Text.of("errors.cli.option-value", flag, CliException.said(e)));
        }
    }
}
