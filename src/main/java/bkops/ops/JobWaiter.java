package bkops.ops;

import bkops.ExitCode;
import bkops.api.JobApi;
import bkops.api.Sleeper;
import bkops.model.job.JobInstance;
import bkops.model.job.RunStatus;

import java.time.Duration;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.LongSupplier;
import java.util.function.Predicate;

/**
 * Polls a job instance until a condition holds or the deadline passes, paced as every wait is ({@link Pacer}) with
 * the Job interval ({@link PollInterval#jobSteps}).
 */
public final class JobWaiter {
    private final JobApi api;
    private final Sleeper sleeper;
    private final Duration deadline;
    private final String deadlineName;
    private final LongSupplier nanoTime;

    /**
     * @param deadline     null waits as long as it takes
     * @param deadlineName names the deadline in messages, e.g. "the wait's --timeout 3s"
     */
    public JobWaiter(JobApi api, Sleeper sleeper, Duration deadline, String deadlineName) {
        this(api, sleeper, deadline, deadlineName, System::nanoTime);
    }

    JobWaiter(JobApi api, Sleeper sleeper, Duration deadline, String deadlineName, LongSupplier nanoTime) {
        this.api = api;
        this.sleeper = sleeper;
        this.deadline = deadline;
        this.deadlineName = deadlineName;
        this.nanoTime = nanoTime;
    }

    /**
     * The instance once {@code settled} holds, or empty when the deadline passed first. {@code onChange} hears each
     * new progress line (as {@code describe} words it) so the operator sees movement.
     */
    public Optional<JobInstance> until(long jobInstanceId, Predicate<JobInstance> settled,
                                       Function<JobInstance, String> describe, Consumer<String> onChange)
            throws InterruptedException {
        // no status read may outlive the wait's deadline, whatever the per-request timeout
        if (deadline != null) {
            api.client().deadline(deadline, deadlineName);
        }
        try {
            Pacer pacer = new Pacer(sleeper, PollInterval.jobSteps(), deadline, nanoTime);
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
                if (!pacer.pause(pacer.elapsed())) {
                    return Optional.empty();
                }
            }
        } finally {
            if (deadline != null) {
                api.client().deadline(null, null);
            }
        }
    }

    /** The contract's exit code for a wait that ended in {@code outcome}. */
    public static ExitCode exitCode(RunStatus.Outcome outcome) {
        return switch (outcome) {
            case SUCCESS -> ExitCode.OK;
            case WAITING -> ExitCode.TASK_SUSPENDED;
            case FAILED -> ExitCode.TASK_FAILED;
            case IN_PROGRESS -> ExitCode.DEADLINE;
        };
    }
}
