package bkops.cli;

import bkops.i18n.Text;
import picocli.CommandLine;

/**
 * The ids typed on the command line, each a type of its own so that picocli checks it as it parses (before anything is
 * read or sent) and a command cannot pass a template id where a task id goes. Every id of SOPS and Job is a whole
 * number; {@link Cli} registers the converters once for every command.
 */
public final class Ids {
    private Ids() {}

    public record Task(String value) {
        @Override
        public String toString() {
            return value;
        }
    }

    public record Template(String value) {
        @Override
        public String toString() {
            return value;
        }
    }

    public record Periodic(String value) {
        @Override
        public String toString() {
            return value;
        }
    }

    public record BizSet(String value) {
        @Override
        public String toString() {
            return value;
        }
    }

    /** A task id, or exit 2 naming what it got (for ids read elsewhere than from a parameter, e.g. stdin). */
    public static String task(String s) {
        return check(s, "errors.cli.id.task", "bkops task list");
    }

    /** @param what the id's kind: its key, errors.cli.id.task... */
    static String check(String s, String what, String listWith) {
        // at most 18 digits: every id fits in a long (the server's bigint)
        if (s == null || !s.matches("\\d{1,18}")) {
            Text kind = Text.of(what);
            throw CliException.usage(listWith == null ? Text.of("errors.cli.id.not-a-number", kind, s)
                    : Text.of("errors.cli.id.not-a-number.see", kind, s, listWith));
        }
        return s;
    }

    private interface Check {
        String apply(String s);
    }

    private static String converted(String s, Check check) {
        try {
            return check.apply(s);
        } catch (CliException e) {
            throw e.text() != null ? new InvalidValue(e.text()) : new InvalidValue(e.getMessage());
        }
    }

    /** Registers the id types with a command line and all its subcommands as they are now. */
    static void register(CommandLine cl) {
        cl.registerConverter(Task.class, s -> new Task(converted(s, Ids::task)));
        cl.registerConverter(Template.class, s -> new Template(converted(s,
                v -> check(v, "errors.cli.id.template", "bkops template list"))));
        cl.registerConverter(Periodic.class, s -> new Periodic(converted(s,
                v -> check(v, "errors.cli.id.periodic", "bkops periodic list"))));
        cl.registerConverter(BizSet.class, s -> new BizSet(converted(s, v -> check(v, "errors.cli.id.biz-set", null))));
    }
}
