package bkops;

import java.util.ArrayList;
import java.util.List;

/**
 * The exit codes of the command-line contract, each with what it means. Scripts depend on these numbers; the help
 * footer, the man pages and README's table are written from this list (a test compares README's table with it). The
 * English is here, next to the numbers; the Chinese catalogue translates it (exit.N.brief, exit.N.meaning).
 */
public enum ExitCode {
    OK(0, "success (watch/wait: the task FINISHED)",
            "Success; for watch, wait and --wait: the task FINISHED."),
    INTERNAL(1, "internal error (a bug)",
            "Internal error (a bug: rerun with --debug and report it)."),
    USAGE(2, "usage error or missing configuration",
            "Usage error: a bad flag or argument, or missing configuration."),
    REFUSED(3, "refused by the API or by bkops's check of the current state",
            "Refused: by the API (result false) or by bkops's check of the current state before sending."),
    AUTH(4, "authentication or permission failure",
            "Authentication or permission failure (gateway 401/403, rejected credentials, IAM denial)."),
    NOT_FOUND(5, "not found",
            "Not found: unknown template, task, node, job or step."),
    TRANSPORT(6, "transport failure (connection, timeout, TLS, 5xx, a body that is not the API's JSON)",
            "Transport failure: connection, timeout, TLS, 5xx after retries, a body that is not the API's JSON."),
    PARTIAL(7, "bulk command: some items failed",
            "A bulk command where some items failed and some succeeded."),
    TASK_FAILED(10, "watch/wait: the task FAILED and needs intervention",
            "watch/wait: the task FAILED and needs intervention."),
    TASK_REVOKED(11, "watch/wait: the task was REVOKED",
            "watch/wait: the task was REVOKED."),
    TASK_SUSPENDED(12, "watch/wait: SUSPENDED or waiting on a paused node, a callback or a confirmation",
            "watch/wait: the task is SUSPENDED or waits on a paused node, a callback or a confirmation."),
    TASK_EXPIRED(13, "watch/wait: the task EXPIRED",
            "watch/wait: the task EXPIRED."),
    DEADLINE(124, "watch/wait: --timeout passed first",
            "watch/wait: the deadline (--timeout) passed first."),
    INTERRUPTED(130, "interrupted",
            "Interrupted (Ctrl-C).");

    private final int code;
    private final String brief;
    private final String meaning;

    ExitCode(int code, String brief, String meaning) {
        this.code = code;
        this.brief = brief;
        this.meaning = meaning;
    }

    /** The process's exit status. */
    public int code() {
        return code;
    }

    /** A few words, for the help footer. */
    public String brief() {
        return brief;
    }

    /** A sentence, for the man pages and README. */
    public String meaning() {
        return meaning;
    }

    /** The code with this number; INTERNAL for a number the contract does not have. */
    public static ExitCode of(int code) {
        for (ExitCode c : values()) {
            if (c.code == code) {
                return c;
            }
        }
        return INTERNAL;
    }

    /** The brief in a language: the English here, its translation under exit.N.brief in the catalogue. */
    public String brief(bkops.i18n.Messages m) {
        return m.orEnglish("exit." + code + ".brief", brief);
    }

    /** The meaning in a language (exit.N.meaning). */
    public String meaning(bkops.i18n.Messages m) {
        return m.orEnglish("exit." + code + ".meaning", meaning);
    }

    /** The help footer's lines: the number right-aligned, then the brief meaning. */
    public static String[] helpLines() {
        return helpLines(bkops.i18n.Messages.ENGLISH);
    }

    public static String[] helpLines(bkops.i18n.Messages m) {
        List<String> lines = new ArrayList<>();
        for (ExitCode c : values()) {
            lines.add(String.format("%3d  %s", c.code, c.brief(m)));
        }
        return lines.toArray(String[]::new);
    }
}
