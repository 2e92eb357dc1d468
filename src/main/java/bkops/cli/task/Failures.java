package bkops.cli.task;

import bkops.cli.ErrorReporter;
import bkops.cli.ExitCode;

/**
 * Exit code and one-line text of one item's failure in a bulk command, as ErrorReporter gives them for a single
 * failure; and the exit code of the whole run.
 */
final class Failures {
    private Failures() {}

    static int exitCode(RuntimeException e) {
        return ErrorReporter.exitCode(e);
    }

    static String text(RuntimeException e) {
        return ErrorReporter.line(e);
    }

    /** 0 when all succeeded; the failure's own code when all failed alike; 7 when some failed. */
    static int overall(int total, int failed, int firstFailureCode) {
        if (failed == 0) {
            return ExitCode.OK;
        }
        return failed == total ? firstFailureCode : ExitCode.PARTIAL;
    }
}
