package bkops.cli;

import bkops.i18n.Messages;
import bkops.testing.CliRun;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Every command's help, rendered in English and in Chinese (issue 18): it prints, the Chinese screen opens with the
 * Chinese header (once), the English one has no Chinese outside its examples, the Chinese one keeps to the 45 lines a verb's
 * screen has (HelpScreensTest) whenever the English does, and no screen shows a catalogue key instead of a text.
 */
class HelpInBothLanguagesTest {
    private static final CommandLine TREE = Cli.build(new CliContext(new PrintWriter(new StringWriter()),
            new PrintWriter(new StringWriter()), System.in, Map.of(), false, false, CliContext.Sleeper.REAL));

    /** Han characters and the full-width punctuation Chinese sentences use. */
    private static final Pattern CJK = Pattern.compile("[\\p{IsHan}\\u3000-\\u303f\\uff00-\\uffef]");
    /** A catalogue key printed as such: help.screen.usage, bkops.task.list.limit, usage.footerHeading... */
    private static final Pattern RAW_KEY = Pattern.compile(
            "\\b(?:help|render|runner|reporter|errors|exit|usage)\\.[a-z][a-zA-Z-]*\\b|\\bbkops\\.[a-z_-]+\\.[a-z-]+");

    private static CliRun.Result help(String lang, List<String> path) {
        List<String> args = new ArrayList<>(path);
        args.add("--help");
        return CliRun.run(Map.of("BKOPS_LANG", lang, "COLUMNS", "80", "LINES", "40", "NO_COLOR", "1"), null,
                CliContext.Sleeper.REAL, true, args.toArray(String[]::new));
    }

    private static void commands(CommandLine cl, List<String> path, List<List<String>> into) {
        into.add(path);
        cl.getSubcommands().forEach((name, sub) -> {
            if (name.equals(sub.getCommandSpec().name()) && !sub.getCommandSpec().usageMessage().hidden()) {
                List<String> p = new ArrayList<>(path);
                p.add(name);
                commands(sub, p, into);
            }
        });
    }

    /** The screen without its examples (commands, typed as written: a node's name may be Chinese). */
    private static String withoutExamples(String screen, String heading) {
        StringBuilder kept = new StringBuilder();
        boolean examples = false;
        for (String line : screen.split("\n", -1)) {
            if (line.equals(heading)) {
                examples = true;
            } else if (line.isEmpty()) {
                examples = false;
            }
            if (!examples) {
                kept.append(line).append('\n');
            }
        }
        return kept.toString();
    }

    @Test
    void everyCommandsHelpIsWholeInBothLanguages() {
        List<List<String>> all = new ArrayList<>();
        commands(TREE, List.of(), all);
        List<String> problems = new ArrayList<>();
        for (List<String> path : all) {
            String name = String.join(" ", path);
            CliRun.Result en = help("en", path);
            CliRun.Result zh = help("zh", path);
            if (en.exit() != 0 || zh.exit() != 0 || !en.err().isEmpty() || !zh.err().isEmpty()) {
                problems.add(name + ": exit " + en.exit() + "/" + zh.exit() + ", stderr " + en.err() + zh.err());
                continue;
            }
            String key = path.isEmpty() ? "bkops.usage.header" : "bkops." + String.join(".", path) + ".usage.header";
            if (!Messages.CHINESE.helpBundle().containsKey(key)) {
                problems.add(name + ": no Chinese header (" + key + ")");
                continue;
            }
            String header = Messages.CHINESE.helpBundle().getString(key);
            String flat = zh.out().replaceAll("\\s", "");
            String flatHeader = header.replaceAll("\\s", "");
            if (!flat.startsWith(flatHeader)) {
                problems.add(name + ": the Chinese screen does not open with " + header + ":\n" + zh.out());
            } else if (flat.indexOf(flatHeader, flatHeader.length()) >= 0) {
                problems.add(name + ": the description repeats the header:\n" + zh.out()); // as HelpScreens drops it in English
            }
            var cjk = CJK.matcher(withoutExamples(en.out(), "Examples:"));
            if (cjk.find()) {
                problems.add(name + ": Chinese in the English screen at '" + cjk.group() + "':\n" + en.out());
            }
            long enLines = en.out().lines().count();
            long zhLines = zh.out().lines().count();
            if (enLines <= 45 && zhLines > 45) {
                problems.add(name + ": " + zhLines + " lines in Chinese (English " + enLines + ", budget 45):\n" + zh.out());
            }
            for (CliRun.Result r : List.of(en, zh)) {
                var raw = RAW_KEY.matcher(r.out());
                if (raw.find()) {
                    problems.add(name + ": a raw key " + raw.group() + ":\n" + r.out());
                }
            }
        }
        assertEquals(List.of(), problems);
        assertEquals(true, all.size() > 50, all.size() + " commands: the walk missed the tree");
    }
}
