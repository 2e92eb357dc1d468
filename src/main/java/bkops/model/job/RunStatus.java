package bkops.model.job;

/**
 * Job and step status (bk-job RunStatusEnum; the same numbers serve job_instance.status and a step's status), named in
 * an operator's words. 11 (强制终止成功) reads TERMINATED as the English docs call it; 8 (手动结束) reads ENDED.
 */
public enum RunStatus {
    PENDING(1), RUNNING(2), SUCCESS(3), FAILED(4), SKIPPED(5), ERROR_IGNORED(6), WAITING_USER(7), ENDED(8),
    ABNORMAL(9), TERMINATING(10), TERMINATED(11), CONFIRM_TERMINATED(13), ABANDONED(14), ROLLING_WAITING(15),
    /** A code this table does not know (12 exists only in old docs). */
    UNKNOWN(0);

    private final int code;

    RunStatus(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }

    public static RunStatus of(int code) {
        for (RunStatus s : values()) {
            if (s.code == code && s != UNKNOWN) {
                return s;
            }
        }
        return UNKNOWN;
    }

    /** Still moving on its own: waiting makes sense. */
    public boolean inProgress() {
        return this == PENDING || this == RUNNING || this == TERMINATING || this == ROLLING_WAITING;
    }

    /** Let the job go past it. */
    public boolean passed() {
        return this == SUCCESS || this == SKIPPED || this == ERROR_IGNORED;
    }

    /** How a wait that ended in this status turns out (the contract's watch/wait codes). */
    public Outcome outcome() {
        if (passed()) {
            return Outcome.SUCCESS;
        }
        if (this == WAITING_USER) {
            return Outcome.WAITING;
        }
        return inProgress() ? Outcome.IN_PROGRESS : Outcome.FAILED;
    }

    public enum Outcome { IN_PROGRESS, SUCCESS, FAILED, WAITING }
}
