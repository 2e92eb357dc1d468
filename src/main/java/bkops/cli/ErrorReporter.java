package bkops.cli;

import bkops.ExitCode;
import bkops.api.ApiException;
import bkops.api.Redactor;
import bkops.config.ConfigException;
import bkops.ops.ReadBackInterrupted;
import bkops.render.TerminalText;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.util.List;

/** The one place that turns a failure into one stderr line and an exit code. */
public final class ErrorReporter {
    private final BkopsCommand root;

    ErrorReporter(BkopsCommand root) {
        this.root = root;
    }

    int onParameterException(ParameterException ex, String[] args) {
        PrintWriter err = ex.getCommandLine().getErr();
        if (ex.getCause() instanceof Ids.Invalid || ex.getCause() instanceof Values.Invalid) {
            // bkops's own check of a typed value: its one line, as every usage error of bkops's reads
            err.println("bkops: " + ex.getCause().getMessage());
            err.flush();
            return ExitCode.USAGE.code();
        }
        err.println("bkops: " + ex.getMessage());
        CommandLine cl = ex.getCommandLine();
        if (!CommandLine.UnmatchedArgumentException.printSuggestions(ex, err)) {
            err.println("See '" + cl.getCommandSpec().qualifiedName() + " --help'.");
        }
        err.flush();
        return ExitCode.USAGE.code();
    }

    int onExecutionException(Exception ex, CommandLine cl, CommandLine.ParseResult parseResult) {
        PrintWriter err = cl.getErr();
        int code = report(ex, err);
        if (debug()) {
            ex.printStackTrace(err);
        }
        err.flush();
        return code;
    }

    private boolean debug() {
        return root.global.debug || root.context().env("BKOPS_DEBUG") != null;
    }

    static int report(Throwable ex, PrintWriter err) {
        if (ex instanceof CliException ce) {
            err.println("bkops: " + ce.getMessage());
            return ce.exitCode().code();
        }
        if (ex instanceof ConfigException) {
            err.println("bkops: " + ex.getMessage());
            return ExitCode.USAGE.code();
        }
        if (ex instanceof ApiException ae) {
            err.println("bkops: " + describe(ae));
            return exitCode(ae);
        }
        if (ex instanceof InterruptedException) {
            err.println("bkops: interrupted");
            return ExitCode.INTERRUPTED.code();
        }
        if (ex instanceof ReadBackInterrupted) {
            err.println("bkops: " + ex.getMessage());
            return ExitCode.INTERRUPTED.code();
        }
        err.println("bkops: internal error: " + ex + " (this is a bug; rerun with --debug and report the output)");
        return ExitCode.INTERNAL.code();
    }

    /** The exit code of one failure, for bulk commands that report many and exit once. */
    public static int exitCode(RuntimeException e) {
        if (e instanceof CliException ce) {
            return ce.exitCode().code();
        }
        if (e instanceof ConfigException) {
            return ExitCode.USAGE.code();
        }
        if (e instanceof ReadBackInterrupted) {
            return ExitCode.INTERRUPTED.code();
        }
        return e instanceof ApiException ae ? exitCode(ae) : ExitCode.INTERNAL.code();
    }

    /** The one-line text of one failure, as the single-failure path prints it (without the "bkops: " prefix). */
    public static String line(RuntimeException e) {
        return e instanceof ApiException ae ? describe(ae) : clean(String.valueOf(e.getMessage()));
    }

    private static final Redactor PATTERNS = new Redactor(List.of());

    /**
     * A failure's text may carry a server's words: one line, no control characters, no credential the server echoed.
     * It also goes to stdout (bulk results as JSON), which masks only the secrets' values.
     */
    private static String clean(String text) {
        return PATTERNS.mask(TerminalText.line(text));
    }

    public static int exitCode(ApiException ae) {
        return switch (ae.kind()) {
            case REFUSED -> ExitCode.REFUSED.code();
            case AUTH -> ExitCode.AUTH.code();
            case NOT_FOUND -> ExitCode.NOT_FOUND.code();
            case TRANSPORT -> ExitCode.TRANSPORT.code();
            case USAGE -> ExitCode.USAGE.code();
        };
    }

    /** message [code N: server message; HTTP s; request id R] — only the parts the server gave. */
    public static String describe(ApiException ae) {
        StringBuilder sb = new StringBuilder(ae.getMessage());
        StringBuilder tail = new StringBuilder();
        if (ae.code() != null) {
            tail.append("code ").append(ae.code());
        }
        if (ae.httpStatus() != null && ae.httpStatus() != 200) {
            if (tail.length() > 0) tail.append(", ");
            tail.append("HTTP ").append(ae.httpStatus());
        }
        if (ae.requestId() != null) {
            if (tail.length() > 0) tail.append(", ");
            tail.append("request id ").append(ae.requestId());
        }
        if (tail.length() > 0) {
            sb.append(" [").append(tail).append(']');
        }
        return clean(sb.toString());
    }
}
