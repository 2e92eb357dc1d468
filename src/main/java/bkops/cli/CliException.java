package bkops.cli;

import bkops.ExitCode;
import bkops.i18n.Localized;
import bkops.i18n.Text;

/**
 * A failure the command line reports as one line on stderr with a given exit code
 * (usage problems, refusals by our own pre-checks, missing configuration). Made from a {@link Text} (a catalogue key
 * and its arguments) it is printed in the run's language; its getMessage() is the English text.
 */
public class CliException extends RuntimeException implements Localized {
    private final ExitCode exitCode;
    private final Text text;

    public CliException(ExitCode exitCode, String message) {
        super(message);
        this.exitCode = exitCode;
        this.text = null;
    }

    public CliException(ExitCode exitCode, Text text) {
        super(text.english());
        this.exitCode = exitCode;
        this.text = text;
    }

    /** Another exception's words (its Text when it has one), with this exit code. */
    public static CliException saying(ExitCode exitCode, Throwable e) {
        return said(e) instanceof Text t ? new CliException(exitCode, t) : new CliException(exitCode, e.getMessage());
    }

    public ExitCode exitCode() {
        return exitCode;
    }

    @Override
    public Text text() {
        return text;
    }

    public static CliException usage(Text text) {
        return new CliException(ExitCode.USAGE, text);
    }

    public static CliException refused(Text text) {
        return new CliException(ExitCode.REFUSED, text);
    }

    public static CliException notFound(Text text) {
        return new CliException(ExitCode.NOT_FOUND, text);
    }

    /**
     * What an exception says, to put into another text: its Text when it has one (said in the run's language with the
     * text around it), else its message.
     */
    public static Object said(Throwable e) {
        return e instanceof Localized l && l.text() != null ? l.text() : String.valueOf(e.getMessage());
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
