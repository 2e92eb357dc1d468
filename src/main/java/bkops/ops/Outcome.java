package bkops.ops;

import bkops.ExitCode;

/**
 * Where a task stands for someone waiting on it. {@link #exit} is the command-line contract's code for
 * watch/wait (bkops.ExitCode); RUNNING and NOT_STARTED are not ends and have none.
 */
public enum Outcome {
    NOT_STARTED(null, false),
    RUNNING(null, false),
    FINISHED(ExitCode.OK, true),
    /** A node failed; the engine keeps the task alive until someone retries, skips or revokes. */
    FAILED(ExitCode.TASK_FAILED, true),
    REVOKED(ExitCode.TASK_REVOKED, true),
    /** The task was paused, a node was paused, or a node waits for a callback or confirmation. */
    WAITING(ExitCode.TASK_SUSPENDED, true),
    EXPIRED(ExitCode.TASK_EXPIRED, true),
    /** The id is unknown to the server. */
    NOT_FOUND(ExitCode.NOT_FOUND, true);

    private final ExitCode exitCode;
    private final boolean end;

    Outcome(ExitCode exitCode, boolean end) {
        this.exitCode = exitCode;
        this.end = end;
    }

    /** The wait's exit code for this end; null for a task not at an end. */
    public ExitCode exit() {
        return exitCode;
    }

    /** {@link #exit}'s number; -1 for a task not at an end. */
    public int exitCode() {
        return exitCode == null ? -1 : exitCode.code();
    }

    /** True when waiting longer changes nothing without someone acting. */
    public boolean end() {
        return end;
    }
}
