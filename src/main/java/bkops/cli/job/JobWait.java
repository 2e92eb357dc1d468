package bkops.cli.job;

import bkops.api.JobApi;
import bkops.cli.CliContext;
import bkops.ExitCode;
import bkops.config.Durations;
import bkops.render.StatusTreeRenderer;
import bkops.model.job.JobInstance;
import bkops.model.job.RunStatus;

import java.time.Duration;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Polls a job instance until a condition holds or the deadline passes, waiting only through the context's sleeper.
 * The interval grows from 1 s by 1 s up to 5 s: steps take seconds, and every poll is a request.
 */
public final class JobWait {
    private static final Duration FIRST = Duration.ofSeconds(1);
    private static final Duration MAX = Duration.ofSeconds(5);

    private final JobApi api;
    private final CliContext.Sleeper sleeper;
    private final Duration deadline;

    public JobWait(JobApi api, CliContext.Sleeper sleeper, Duration deadline) {
        this.api = api;
        this.sleeper = sleeper;
        this.deadline = deadline;
    }

    /**
     * The instance once {@code settled} holds, or empty when the deadline passed first. {@code onChange} hears each
     * new progress line (as {@code describe} words it) so the operator sees movement.
     */
    public Optional<JobInstance> until(long jobInstanceId, Predicate<JobInstance> settled,
                                       Function<JobInstance, String> describe, Consumer<String> onChange)
            throws InterruptedException {
        long startNanos = System.nanoTime();
        // no status read may outlive the wait's deadline, whatever the per-request timeout
        boolean bounded = deadline.compareTo(Durations.MAX) <= 0;
        if (bounded) {
            api.client().deadline(deadline, "the wait's --timeout " + StatusTreeRenderer.formatDuration(deadline.toSeconds()));
        }
        try {
            return poll(jobInstanceId, settled, describe, onChange, startNanos);
        } finally {
            if (bounded) {
                api.client().deadline(null, null);
            }
        }
    }

    private Optional<JobInstance> poll(long jobInstanceId, Predicate<JobInstance> settled,
                                       Function<JobInstance, String> describe, Consumer<String> onChange,
                                       long startNanos) throws InterruptedException {
        Duration slept = Duration.ZERO;
        Duration interval = FIRST;
        String last = null;
        while (true) {
            JobInstance job = JobInstance.parse(api.jobInstanceStatus(jobInstanceId, false));
            String now = describe.apply(job);
            if (!now.equals(last)) {
                onChange.accept(now);
                last = now;
            }
            if (settled.test(job)) {
                return Optional.of(job);
            }
            // Real time covers a real sleeper and slow requests; the sum of sleeps covers a sleeper that only moves a clock.
            Duration elapsed = Duration.ofNanos(System.nanoTime() - startNanos);
            elapsed = elapsed.compareTo(slept) > 0 ? elapsed : slept;
            Duration left = deadline.minus(elapsed);
            if (left.isNegative() || left.isZero()) {
                return Optional.empty();
            }
            Duration pause = interval.compareTo(left) < 0 ? interval : left;
            sleeper.sleep(pause);
            slept = slept.plus(pause);
            interval = interval.plus(FIRST).compareTo(MAX) > 0 ? MAX : interval.plus(FIRST);
        }
    }

    /** The contract's exit code for a wait that ended in {@code status}. */
    public static int exitCode(RunStatus.Outcome outcome) {
        return switch (outcome) {
            case SUCCESS -> ExitCode.OK.code();
            case WAITING -> ExitCode.TASK_SUSPENDED.code();
            case FAILED -> ExitCode.TASK_FAILED.code();
            case IN_PROGRESS -> ExitCode.DEADLINE.code();
        };
    }
}
