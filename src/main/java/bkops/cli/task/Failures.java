package bkops.cli.task;

import bkops.api.ApiException;
import bkops.cli.CliException;
import bkops.cli.ExitCode;

/**
 * Exit code and one-line text of one item's failure in a bulk command. Mirrors bkops.cli.ErrorReporter, whose
 * helpers are package-private; a single failure still goes up to it as an exception.
 */
final class Failures {
    private Failures() {}

    static int exitCode(RuntimeException e) {
        if (e instanceof CliException ce) {
            return ce.exitCode();
        }
        if (e instanceof ApiException ae) {
            return switch (ae.kind()) {
                case REFUSED -> ExitCode.REFUSED;
                case AUTH -> ExitCode.AUTH;
                case NOT_FOUND -> ExitCode.NOT_FOUND;
                case TRANSPORT -> ExitCode.TRANSPORT;
                case USAGE -> ExitCode.USAGE;
            };
        }
        return ExitCode.INTERNAL;
    }

    static String text(RuntimeException e) {
        StringBuilder s = new StringBuilder(String.valueOf(e.getMessage()));
        if (e instanceof ApiException ae && (ae.code() != null || ae.requestId() != null)) {
            s.append(" [");
            if (ae.code() != null) {
                s.append("code ").append(ae.code());
            }
            if (ae.requestId() != null) {
                s.append(ae.code() != null ? ", " : "").append("request id ").append(ae.requestId());
            }
            s.append(']');
        }
        return s.toString();
    }

    /** 0 when all succeeded; the failure's own code when all failed alike; 7 when some failed. */
    static int overall(int total, int failed, int firstFailureCode) {
        if (failed == 0) {
            return ExitCode.OK;
        }
        return failed == total ? firstFailureCode : ExitCode.PARTIAL;
    }
}
