package bkops.cli.task;

import bkops.ExitCode;

/**
 * The exit code of a bulk run from its items' failures (each item's own code and text come from ErrorReporter).
 */
final class Failures {
    private Failures() {}

    /** 0 when all succeeded; the failure's own code when all failed alike; 7 when some failed. */
    static int overall(int total, int failed, int firstFailureCode) {
        if (failed == 0) {
            return ExitCode.OK.code();
        }
        return failed == total ? firstFailureCode : ExitCode.PARTIAL.code();
    }
}
