package bkops.cli;

import bkops.ExitCode;
import bkops.api.ApiException;
import bkops.api.Redactor;
import bkops.config.ConfigException;
import bkops.i18n.Localized;
import bkops.i18n.Messages;
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
        Messages m = root.messages();
        if (ex.getCause() instanceof InvalidValue) {
            // bkops's own check of a typed value: its one line, as every usage error of bkops's reads
            err.println(m.get("reporter.line", text(ex.getCause(), m)));
            err.flush();
            return ExitCode.USAGE.code();
        }
        err.println(m.get("reporter.line", parameterText(ex, m)));
        CommandLine cl = ex.getCommandLine();
        if (!CommandLine.UnmatchedArgumentException.printSuggestions(ex, err)) {
            err.println(m.get("reporter.see-help", cl.getCommandSpec().qualifiedName()));
        }
        err.flush();
        return ExitCode.USAGE.code();
    }

    /**
     * picocli's own messages are English and it takes no catalogue for them: the two an operator meets most (a missing
     * argument, an unknown option or argument) are said again in the run's language; the others stay picocli's.
     */
    private static String parameterText(ParameterException ex, Messages m) {
        if (m.english()) {
            return ex.getMessage();
        }
        if (ex instanceof CommandLine.MissingParameterException missing && !missing.getMissing().isEmpty()) {
            return m.get("reporter.picocli.missing", String.join(", ", missing.getMissing().stream()
                    .map(a -> a.isOption() ? ((CommandLine.Model.OptionSpec) a).longestName() : a.paramLabel())
                    .toList()));
        }
        if (ex instanceof CommandLine.UnmatchedArgumentException unmatched && !unmatched.getUnmatched().isEmpty()) {
            String first = unmatched.getUnmatched().get(0);
            return m.get(first.startsWith("-") ? "reporter.picocli.unknown-option" : "reporter.picocli.unmatched",
                    String.join(", ", unmatched.getUnmatched()));
        }
        return ex.getMessage();
    }

    /** An exception's text in the run's language when it has one ({@link Localized}), else its message. */
    private static String text(Throwable ex, Messages m) {
        if (ex instanceof Localized l && l.text() != null) {
            return l.text().in(m);
        }
        return ex.getMessage();
    }

    int onExecutionException(Exception ex, CommandLine cl, CommandLine.ParseResult parseResult) {
        PrintWriter err = cl.getErr();
        int code = report(ex, err, root.messages());
        if (debug()) {
            ex.printStackTrace(err);
        }
        err.flush();
        return code;
    }

    private boolean debug() {
        return root.global.debug || root.context().env("BKOPS_DEBUG") != null;
    }

    /** The failure's one line, "bkops: ..." in the run's language ({@code m}), and its exit code. */
    static int report(Throwable ex, PrintWriter err, Messages m) {
        if (ex instanceof CliException ce) {
            err.println(m.get("reporter.line", text(ce, m)));
            return ce.exitCode().code();
        }
        if (ex instanceof ConfigException) {
            err.println(m.get("reporter.line", text(ex, m)));
            return ExitCode.USAGE.code();
        }
        if (ex instanceof ApiException ae) {
            err.println(m.get("reporter.line", describe(ae, m)));
            return exitCode(ae);
        }
        if (ex instanceof InterruptedException) {
            err.println(m.get("reporter.line", m.get("reporter.interrupted")));
            return ExitCode.INTERRUPTED.code();
        }
        if (ex instanceof ReadBackInterrupted) {
            err.println(m.get("reporter.line", text(ex, m)));
            return ExitCode.INTERRUPTED.code();
        }
        err.println(m.get("reporter.line", m.get("reporter.internal", ex)));
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

    /** The same in the run's language, for stderr ({@link #line(RuntimeException)} stays English for JSON results). */
    public static String line(RuntimeException e, Messages m) {
        return e instanceof ApiException ae ? describe(ae, m) : clean(String.valueOf(text(e, m)));
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

    /** message [code N, HTTP s, request id R] — only the parts the server gave; in English (JSON results carry it). */
    public static String describe(ApiException ae) {
        return describe(ae, Messages.ENGLISH);
    }

    /** The same in the run's language: the words around the server's code and request id (its message as it is). */
    public static String describe(ApiException ae, Messages m) {
        StringBuilder sb = new StringBuilder(text(ae, m));
        StringBuilder tail = new StringBuilder();
        String separator = m.get("render.list-separator");
        if (ae.code() != null) {
            tail.append(m.get("reporter.code", ae.code()));
        }
        if (ae.httpStatus() != null && ae.httpStatus() != 200) {
            if (tail.length() > 0) tail.append(separator);
            tail.append(m.get("reporter.http", ae.httpStatus()));
        }
        if (ae.requestId() != null) {
            if (tail.length() > 0) tail.append(separator);
            tail.append(m.get("reporter.request-id", ae.requestId()));
        }
        if (tail.length() > 0) {
            sb.append(" [").append(tail).append(']');
        }
        return clean(sb.toString());
    }
}
