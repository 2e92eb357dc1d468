package bkops.cli;

import bkops.ExitCode;
import bkops.i18n.Messages;
import picocli.CommandLine;
import picocli.CommandLine.Help;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.UsageMessageSpec;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What help shows, as kubectl and gh show it: a command's own options only, and one line pointing to the global options
 * (`bkops options`). A verb: its header, usage, description, arguments, options, -o formats, examples printed as written
 * (never wrapped, whatever the width: they are pasted), and the pointer. A noun: its header, usage, verbs and the
 * pointer. The root: its description, the commands, the pointer and the exit codes (the only screen that lists them;
 * the man pages list everything). Installed on every command when the command line is built (a few map entries each).
 */
public final class HelpScreens {
    private HelpScreens() {}

    private static final String FORMATS = "bkopsFormats";
    private static final String EXAMPLES = "bkopsExamples";
    private static final String GLOBALS = "bkopsGlobals";
    private static final String EXIT_CODES = "bkopsExitCodes";

    /** The one line every screen ends with (in English; help.screen.globals in the catalogues). */
    public static final String GLOBALS_LINE =
            "Global options (-p, -o, --jq, --timeout, -y, --dry-run, -v and more): bkops options";

    /** The run's language, from the root command (help is drawn for one run). */
    private static Messages messages(Help h) {
        Object root = h.commandSpec().root().userObject();
        return root instanceof BkopsCommand b ? b.messages() : Messages.ENGLISH;
    }

    private static String text(Help h, String key, Object... args) {
        return messages(h).get(key, args);
    }

    static void install(CommandLine root) {
        install(root, 0);
    }

    private static void install(CommandLine cl, int depth) {
        Map<String, CommandLine.IHelpSectionRenderer> m = cl.getHelpSectionMap();
        boolean group = !cl.getSubcommands().isEmpty();
        m.put(UsageMessageSpec.SECTION_KEY_HEADER_HEADING, h -> "");
        m.put(UsageMessageSpec.SECTION_KEY_SYNOPSIS_HEADING,
                h -> (h.commandSpec().usageMessage().header().length > 0 ? "\n" : "") + text(h, "help.screen.usage"));
        m.put(UsageMessageSpec.SECTION_KEY_DESCRIPTION_HEADING, h -> description(h).isEmpty() ? "" : "\n");
        m.put(UsageMessageSpec.SECTION_KEY_DESCRIPTION, HelpScreens::description);
        m.put(UsageMessageSpec.SECTION_KEY_PARAMETER_LIST_HEADING,
                h -> h.commandSpec().positionalParameters().isEmpty() ? "" : "\n" + text(h, "help.screen.arguments") + "\n");
        m.put(UsageMessageSpec.SECTION_KEY_OPTION_LIST_HEADING, h -> ownOptions(h.commandSpec()).isEmpty() ? ""
                : (h.commandSpec().positionalParameters().isEmpty() ? "\n" : "") + text(h, "help.screen.options") + "\n");
        m.put(UsageMessageSpec.SECTION_KEY_OPTION_LIST, h -> h.optionListExcludingGroups(ownOptions(h.commandSpec()),
                h.createDefaultLayout(), null, h.createDefaultParamLabelRenderer()));
        m.put(UsageMessageSpec.SECTION_KEY_COMMAND_LIST_HEADING, h -> h.subcommands().isEmpty() ? ""
                : "\n" + text(h, depth == 0 ? "help.screen.commands" : "help.screen.verbs") + "\n");
        m.put(FORMATS, h -> {
            List<OutputFormat> formats = Cli.formats(h.commandSpec());
            return formats.isEmpty() ? "" : "\n" + text(h, "help.screen.formats", Cli.formatList(formats, messages(h))) + "\n";
        });
        m.put(EXAMPLES, HelpScreens::examples);
        m.put(GLOBALS, h -> "\n" + text(h, "help.screen.globals") + "\n");
        m.put(EXIT_CODES, h -> depth == 0 ? exitCodes(h.commandSpec().usageMessage().width(), messages(h)) : "");
        List<String> keys = new ArrayList<>(List.of(UsageMessageSpec.SECTION_KEY_HEADER_HEADING,
                UsageMessageSpec.SECTION_KEY_HEADER, UsageMessageSpec.SECTION_KEY_SYNOPSIS_HEADING,
                UsageMessageSpec.SECTION_KEY_SYNOPSIS, UsageMessageSpec.SECTION_KEY_DESCRIPTION_HEADING,
                UsageMessageSpec.SECTION_KEY_DESCRIPTION));
        if (group) {
            keys.addAll(List.of(UsageMessageSpec.SECTION_KEY_COMMAND_LIST_HEADING,
                    UsageMessageSpec.SECTION_KEY_COMMAND_LIST));
        } else {
            keys.addAll(List.of(UsageMessageSpec.SECTION_KEY_PARAMETER_LIST_HEADING,
                    UsageMessageSpec.SECTION_KEY_PARAMETER_LIST, UsageMessageSpec.SECTION_KEY_OPTION_LIST_HEADING,
                    UsageMessageSpec.SECTION_KEY_OPTION_LIST, FORMATS, EXAMPLES));
        }
        keys.add(GLOBALS);
        keys.add(EXIT_CODES);
        cl.setHelpSectionKeys(keys);
        cl.getSubcommands().values().forEach(sub -> install(sub, depth + 1));
    }

    /** The description, without a first line that repeats the header (the nouns say it in both). */
    private static String description(Help h) {
        UsageMessageSpec u = h.commandSpec().usageMessage();
        String[] d = u.description();
        if (d.length > 0 && u.header().length > 0 && d[0].equals(u.header()[0])) {
            d = Arrays.copyOfRange(d, 1, d.length);
        }
        if (d.length == 0) {
            return "";
        }
        String[] saved = u.description();
        try {
            u.description(d);
            return h.description();
        } finally {
            u.description(saved);
        }
    }

    /**
     * The options a command's screen lists: its own, never the inherited global ones; on a command that waits, the
     * global --timeout as it means there (the deadline of the wait), so one screen never gives it two meanings.
     */
    public static List<OptionSpec> ownOptions(CommandSpec spec) {
        List<OptionSpec> own = new ArrayList<>();
        for (OptionSpec o : spec.options()) {
            if (!o.inherited() && !o.hidden() && !o.usageHelp() && !o.versionHelp()) {
                own.add(o);
            }
        }
        if (spec.userObject() instanceof Waits) {
            boolean always = spec.findOption("--wait") == null; // watch, wait; the others wait with --wait
            // a key of its own, so a resource bundle (picocli's) can translate it as it does the annotated options
            OptionSpec timeout = OptionSpec.builder("--timeout").paramLabel("DURATION").type(String.class)
                    .descriptionKey(always ? "bkops.wait.timeout" : "bkops.wait.timeout.with-wait")
                    .description(always ? WAIT_DEADLINE : WAIT_DEADLINE_WITH_WAIT).build();
            timeout.messages(spec.usageMessage().messages());
            own.add(timeout);
        }
        return own;
    }

    static final String WAIT_DEADLINE = "Deadline of the whole wait (exit 124), e.g. 20m; none by default. Each API "
            + "call's own limit then comes from BKOPS_TIMEOUT or the profile.";
    static final String WAIT_DEADLINE_WITH_WAIT = "With --wait: the deadline of the whole wait (exit 124), each API "
            + "call's limit then coming from BKOPS_TIMEOUT or the profile; without: each API call's limit.";

    /**
     * Whether a command's footer is its examples (else a note such as config set's "Secrets:"). The annotation's
     * heading says it: a translated heading is picocli's answer in another language. Help and the man pages ask here.
     */
    public static boolean footerIsExamples(CommandSpec spec) {
        Object command = spec.userObject();
        CommandLine.Command c = command == null ? null : command.getClass().getAnnotation(CommandLine.Command.class);
        return c != null && c.footerHeading().toLowerCase(Locale.ROOT).contains("example");
    }

    /** Examples as written, two spaces in: a pasted example must work, so it is never wrapped. */
    private static String examples(Help h) {
        UsageMessageSpec u = h.commandSpec().usageMessage();
        if (u.footer().length == 0) {
            return "";
        }
        if (!footerIsExamples(h.commandSpec())) { // another note (config set's "Secrets:"): as written
            return h.footerHeading() + h.footer();
        }
        StringBuilder sb = new StringBuilder("\n" + text(h, "help.screen.examples") + "\n");
        for (String line : u.footer()) {
            for (String l : line.replace("%n", "\n").split("\n", -1)) {
                if (!l.isBlank()) {
                    sb.append("  ").append(l.strip()).append('\n');
                }
            }
        }
        return sb.toString();
    }

    /** The exit codes (ExitCode's help lines), each meaning wrapped under itself when the screen is narrow. */
    static String exitCodes(int width, Messages m) {
        StringBuilder sb = new StringBuilder("\n" + m.get("help.screen.exit-codes") + "\n");
        int indent = 7; // "  124  "
        int room = Math.max(20, width - indent);
        for (String line : ExitCode.helpLines(m)) {
            sb.append("  ").append(line, 0, 5);
            String rest = line.substring(5);
            while (rest.length() > room) {
                int cut = rest.lastIndexOf(' ', room);
                if (cut <= 0) {
                    break;
                }
                sb.append(rest, 0, cut).append('\n').append(" ".repeat(indent));
                rest = rest.substring(cut + 1);
            }
            sb.append(rest).append('\n');
        }
        return sb.toString();
    }
}
