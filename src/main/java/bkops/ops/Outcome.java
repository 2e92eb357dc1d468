package bkops.ops;

/**
 * Where a task stands for someone waiting on it. {@link #exitCode} is the command-line contract's code for
 * watch/wait (cli-contract.md); RUNNING and NOT_STARTED are not ends and have none.
 */
public enum Outcome {
    NOT_STARTED(-1, false),
    RUNNING(-1, false),
    FINISHED(0, true),
    /** A node failed; the engine keeps the task alive until someone retries, skips or revokes. */
    FAILED(10, true),
    REVOKED(11, true),
    /** The task was paused, a node was paused, or a node waits for a callback or confirmation. */
    WAITING(12, true),
    EXPIRED(13, true),
    /** The id is unknown to the server. */
    NOT_FOUND(5, true);

    private final int exitCode;
    private final boolean end;

    Outcome(int exitCode, boolean end) {
        this.exitCode = exitCode;
        this.end = end;
    }

    public int exitCode() {
        return exitCode;
    }

    /** True when waiting longer changes nothing without someone acting. */
    public boolean end() {
        return end;
    }
}
