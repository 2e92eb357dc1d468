package bkops.cli.job;

import picocli.CommandLine.Option;

import java.time.Duration;

/** --wait of the Job verbs (job status, step operate): poll until the job or the step stops running. */
public final class JobWaitOptions {
    @Option(names = "--wait", description = "Wait until it stops running; the exit code says how it ended. With --wait, "
            + "--timeout bounds the whole wait (exit 124) instead of each request.")
    boolean wait;

    /** --wait with no --timeout waits as long as it takes (a step waiting for a person ends it with exit 12). */
    private static final Duration NO_DEADLINE = Duration.ofDays(3650);

    public boolean waits() {
        return wait;
    }

    /** The wait's deadline: the one given, or none (as long as it takes). */
    public static Duration deadline(Duration given) {
        return given == null ? NO_DEADLINE : given;
    }
}
