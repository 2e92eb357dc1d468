package bkops.cli.job;

import bkops.render.StatusTreeRenderer;
import picocli.CommandLine.Option;

import java.time.Duration;

/** --wait of the Job verbs (job status, step operate): poll until the job or the step stops running. */
public final class JobWaitOptions {
    @Option(names = "--wait", description = "Wait until it stops running; the exit code says how it ended.")
    boolean wait;

    public boolean waits() {
        return wait;
    }

    /**
     * How a wait's deadline (the global --timeout) is named in messages; null for none: --wait with no --timeout
     * waits as long as it takes (a step waiting for a person ends it with exit 12).
     */
    public static String deadlineName(Duration deadline) {
        return deadline == null ? null : "the wait's --timeout " + StatusTreeRenderer.formatDuration(deadline.toSeconds());
    }
}
