package bkops.cli;

/** The exit codes of the command-line contract (shared/design/cli-contract.md). Scripts depend on these numbers. */
public final class ExitCode {
    public static final int OK = 0;
    public static final int INTERNAL = 1;
    public static final int USAGE = 2;
    public static final int REFUSED = 3;
    public static final int AUTH = 4;
    public static final int NOT_FOUND = 5;
    public static final int TRANSPORT = 6;
    public static final int PARTIAL = 7;
    public static final int TASK_FAILED = 10;
    public static final int TASK_REVOKED = 11;
    public static final int TASK_SUSPENDED = 12;
    public static final int TASK_EXPIRED = 13;
    public static final int DEADLINE = 124;
    public static final int INTERRUPTED = 130;

    private ExitCode() {}
}
