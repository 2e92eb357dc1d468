package bkops.cli;

import bkops.ExitCode;

/**
 * A failure the command line reports as one line on stderr with a given exit code
 * (usage problems, refusals by our own pre-checks, missing configuration).
 */
public class CliException extends RuntimeException {
    private final ExitCode exitCode;

    public CliException(ExitCode exitCode, String message) {
        super(message);
        this.exitCode = exitCode;
    }

    public ExitCode exitCode() {
        return exitCode;
    }

    public static CliException usage(String message) {
        return new CliException(ExitCode.USAGE, message);
    }

    public static CliException refused(String message) {
        return new CliException(ExitCode.REFUSED, message);
    }

    public static CliException notFound(String message) {
        return new CliException(ExitCode.NOT_FOUND, message);
    }
}
