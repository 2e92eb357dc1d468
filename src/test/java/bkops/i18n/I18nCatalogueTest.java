package bkops.i18n;

import bkops.ExitCode;
import bkops.cli.Cli;
import bkops.cli.CliContext;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The two catalogues agree: the same keys (the Chinese one has the help keys besides, whose English is in the code),
 * the same {n} in each text and its translation, every key the code asks for in the English catalogue and no key that
 * nothing asks for; the help of every visible command complete in Chinese (a command added without it fails), and every
 * help key naming something that exists.
 */
class I18nCatalogueTest {
    private static final Properties EN = properties("messages.properties");
    private static final Properties ZH = properties("messages_zh.properties");

    /** A catalogue as java.util.Properties reads it (UTF-8): the reference for Messages' own reader. */
    private static Properties properties(String file) {
        Properties p = new Properties();
        try (var in = Files.newBufferedReader(Path.of("src/main/resources/bkops/i18n", file), StandardCharsets.UTF_8)) {
            p.load(in);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return p;
    }

    @Test
    void messagesReadsTheCataloguesAsPropertiesDoes() {
        for (Lang lang : Lang.values()) {
            Properties reference = lang == Lang.EN ? EN : ZH;
            Map<String, String> expected = new java.util.TreeMap<>();
            reference.stringPropertyNames().forEach(k -> expected.put(k, reference.getProperty(k)));
            assertEquals(expected, new java.util.TreeMap<>(Messages.load(lang)), lang.name());
        }
        assertEquals(Map.of("a.b", "x = y \\ é ", "c", "", "TASK[0..*]", "v"),
                Messages.parse("# c\n\n  a.b =  x = y \\\\ \\u00e9\\u0020\r\nc =\n! bang\nTASK[0..*] = v"));
    }
    private static final Pattern ARG = Pattern.compile("\\{(\\d+)}");
    /** A catalogue key written in the code: a string literal starting with one of the areas. */
    private static final Pattern KEY_IN_CODE = Pattern.compile(
            "\"((?:render|runner|reporter|help|errors|notice)\\.[a-z0-9.-]+[a-z0-9])\"");

    /** Keys whose English lives in the code: picocli's help (annotations) and the exit codes (ExitCode). */
    private static boolean helpKey(String key) {
        return key.startsWith("bkops.") || key.startsWith("usage.") || key.startsWith("exit.")
                || GLOBAL_OPTIONS.contains(key);
    }

    private static final CommandLine TREE = Cli.build(new CliContext(new PrintWriter(new StringWriter()),
            new PrintWriter(new StringWriter()), System.in, Map.of(), false, false, CliContext.Sleeper.REAL));

    /** The root's options (every command inherits them): their help keys are their names alone. */
    private static final Set<String> GLOBAL_OPTIONS = globalOptionKeys();

    private static Set<String> globalOptionKeys() {
        Set<String> keys = new TreeSet<>();
        TREE.getCommandSpec().options().forEach(o -> keys.add(optionKey(o)));
        return keys;
    }

    /** picocli's key for an option: its longest name without dashes (CommandLine.Model.OptionSpec). */
    private static String optionKey(OptionSpec o) {
        return o.longestName().replaceFirst("^-+", "");
    }

    /** picocli's key for a positional parameter: LABEL[index] (CommandLine.Model.PositionalParamSpec). */
    private static String positionalKey(PositionalParamSpec p) {
        return p.paramLabel() + "[" + p.index() + "]";
    }

    /** "bkops.task.status": the prefix of a command's keys. */
    private static String prefix(CommandSpec spec) {
        return spec.qualifiedName(".");
    }

    @Test
    void bothCataloguesHaveTheSameKeys() {
        List<String> problems = new ArrayList<>();
        EN.stringPropertyNames().stream().sorted().filter(k -> !ZH.containsKey(k))
                .forEach(k -> problems.add("only in messages.properties: " + k));
        ZH.stringPropertyNames().stream().sorted().filter(k -> !EN.containsKey(k) && !helpKey(k))
                .forEach(k -> problems.add("only in messages_zh.properties: " + k));
        EN.stringPropertyNames().stream().sorted().filter(I18nCatalogueTest::helpKey)
                .forEach(k -> problems.add("a help key belongs in the Chinese catalogue only (its English is in the code): " + k));
        assertEquals(List.of(), problems);
    }

    @Test
    void everyArgumentOfATextIsInItsTranslation() {
        List<String> problems = new ArrayList<>();
        for (String key : new TreeSet<>(EN.stringPropertyNames())) {
            String zh = ZH.getProperty(key);
            if (zh != null && !args(EN.getProperty(key)).equals(args(zh))) {
                problems.add(key + ": English has " + args(EN.getProperty(key)) + ", Chinese " + args(zh));
            }
        }
        assertEquals(List.of(), problems);
    }

    private static Set<String> args(String text) {
        Set<String> found = new TreeSet<>();
        Matcher m = ARG.matcher(text);
        while (m.find()) {
            found.add(m.group());
        }
        return found;
    }

    @Test
    void everyKeyTheCodeAsksForExistsAndEveryKeyIsAskedFor() throws IOException {
        Set<String> used = new TreeSet<>();
        try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                Matcher m = KEY_IN_CODE.matcher(Files.readString(f));
                while (m.find()) {
                    used.add(m.group(1));
                }
            }
        }
        List<String> problems = new ArrayList<>();
        used.stream().filter(k -> !EN.containsKey(k)).forEach(k -> problems.add("asked for, not in the catalogue: " + k));
        EN.stringPropertyNames().stream().sorted().filter(k -> !used.contains(k))
                .forEach(k -> problems.add("in the catalogue, asked for by nothing: " + k));
        assertEquals(List.of(), problems);
    }

    @Test
    void everyExitCodeIsTranslatedAndNoOtherIs() {
        List<String> problems = new ArrayList<>();
        Set<String> expected = new TreeSet<>();
        for (ExitCode c : ExitCode.values()) {
            expected.add("exit." + c.code() + ".brief");
            expected.add("exit." + c.code() + ".meaning");
        }
        expected.stream().filter(k -> !ZH.containsKey(k)).forEach(k -> problems.add("missing: " + k));
        ZH.stringPropertyNames().stream().filter(k -> k.startsWith("exit.") && !expected.contains(k))
                .forEach(k -> problems.add("no such exit code: " + k));
        assertEquals(List.of(), problems);
    }

    /** Every help key the Chinese catalogue should have for a command, with whether the command has that text. */
    private static Map<String, String> helpKeys(CommandLine cl) {
        Map<String, String> keys = new HashMap<>();
        CommandSpec spec = cl.getCommandSpec();
        String p = prefix(spec);
        if (spec.usageMessage().header().length > 0) {
            keys.put(p + ".usage.header", "the header of " + spec.qualifiedName());
        }
        if (spec.usageMessage().description().length > 0) {
            keys.put(p + ".usage.description", "the description of " + spec.qualifiedName());
        }
        // The examples (a footer other than the exit codes every command inherits from the root) are commands, the same
        // in every language: they stay the annotation's, so that they cannot drift apart; their heading is translated.
        if (spec.usageMessage().footer().length > 0 && !List.of(spec.usageMessage().footer()).equals(List.of(ExitCode.helpLines()))) {
            keys.put(p + ".usage.footerHeading", "the heading of the examples of " + spec.qualifiedName());
        }
        for (OptionSpec o : spec.options()) {
            // --help and --version, which every command has, are translated once, by their names alone; a verb's own
            // option named like a global one (node log --version) needs its own key, or picocli falls back to the global's
            if (!o.inherited() && !o.hidden() && spec.parent() != null && !o.usageHelp() && !o.versionHelp()) {
                keys.put(p + "." + optionKey(o), o.longestName() + " of " + spec.qualifiedName());
            }
        }
        for (PositionalParamSpec pp : spec.positionalParameters()) {
            if (!pp.hidden() && !String.join("", pp.description()).isBlank()) {
                keys.put(p + "." + positionalKey(pp), pp.paramLabel() + " of " + spec.qualifiedName());
            }
        }
        return keys;
    }

    /** picocli reads an array (a multi-line text) as key or key.0, key.1, ... */
    private static boolean has(Properties p, String key) {
        return p.containsKey(key) || p.containsKey(key + ".0");
    }

    @Test
    void theHelpOfEveryCommandIsCompleteInChinese() {
        List<String> missing = new ArrayList<>();
        Map<String, String> wanted = new HashMap<>(helpKeys(TREE));
        GLOBAL_OPTIONS.forEach(k -> wanted.put(k, "the global option " + k));
        for (String heading : List.of("usage.synopsisHeading", "usage.commandListHeading", "usage.optionListHeading",
                "usage.parameterListHeading")) {
            wanted.put(heading, "picocli's heading " + heading);
        }
        everyVisibleCommand(TREE, cl -> wanted.putAll(helpKeys(cl)));
        new TreeSet<>(wanted.keySet()).stream().filter(k -> !has(ZH, k))
                .forEach(k -> missing.add(k + "  (" + wanted.get(k) + ")"));
        assertEquals(List.of(), missing);
    }

    /** Every command a user can ask help for (the hidden ones are the scripts'), each once (aliases share a spec). */
    static void everyVisibleCommand(CommandLine cl, java.util.function.Consumer<CommandLine> each) {
        each.accept(cl);
        cl.getSubcommands().forEach((name, sub) -> {
            if (name.equals(sub.getCommandSpec().name()) && !sub.getCommandSpec().usageMessage().hidden()) {
                everyVisibleCommand(sub, each);
            }
        });
    }

    /**
     * picocli expands ${...} in help (variables, system properties): a literal one is written $${...}; its own
     * variables (${COMPLETION-CANDIDATES}...) are meant.
     */
    @Test
    void helpTextsWriteALiteralDollarBraceAsPicocliWantsIt() {
        List<String> wrong = ZH.stringPropertyNames().stream().sorted().filter(I18nCatalogueTest::helpKey)
                .filter(k -> ZH.getProperty(k).replace("$${", "").replaceAll("\\$\\{[A-Z-]+}", "").contains("${"))
                .toList();
        assertEquals(List.of(), wrong);
    }

    @Test
    void everyHelpKeyNamesSomethingThatExists() {
        Set<String> possible = new TreeSet<>(GLOBAL_OPTIONS);
        collect(TREE, possible);
        List<String> unknown = new ArrayList<>();
        for (String key : new TreeSet<>(ZH.stringPropertyNames())) {
            if (!helpKey(key) || key.startsWith("exit.")) {
                continue;
            }
            String k = key.replaceFirst("\\.\\d+$", ""); // a line of a multi-line text
            boolean heading = k.startsWith("usage.") && k.endsWith("Heading"); // picocli's, for every command
            if (!heading && !possible.contains(k)) {
                unknown.add(key);
            }
        }
        assertEquals(List.of(), unknown, "help keys that name no command, option or parameter (a typo, or renamed)");
    }

    private static void collect(CommandLine cl, Set<String> into) {
        CommandSpec spec = cl.getCommandSpec();
        String p = prefix(spec);
        into.add(p + ".usage.header");
        into.add(p + ".usage.description");
        into.add(p + ".usage.footer");
        into.add(p + ".usage.footerHeading");
        spec.options().forEach(o -> into.add(p + "." + optionKey(o)));
        // the --timeout a waiting command's screen lists with the meaning it has there (HelpScreens#ownOptions)
        bkops.cli.HelpScreens.ownOptions(spec).forEach(o -> {
            if (o.descriptionKey() != null && !o.descriptionKey().isEmpty()) {
                into.add(o.descriptionKey());
            }
        });
        spec.positionalParameters().forEach(pp -> into.add(p + "." + positionalKey(pp)));
        cl.getSubcommands().values().forEach(c -> collect(c, into));
    }

    @Test
    void theFormatKeepsApostrophesAndBracesAndFillsEachArgument() {
        assertEquals("bkops's task 12 don't {x} {2}", Messages.format("bkops's task {0} don't {x} {2}", "12", "y"));
        assertEquals("b a b", Messages.format("{1} {0} {1}", "a", "b"));
        assertEquals("{0}", Messages.format("{0}"));
        assertEquals("'{0}'", Messages.format("'{0}'", "{0}"), "an argument is not formatted again");
        assertEquals("it's 'quoted'", Messages.ENGLISH.get("render.tree.jump", "it's 'quoted'").replace(" (see above)", ""));
    }

    @Test
    void theCataloguesAreReadAsUtf8WhateverTheJvmsLocale() throws IOException {
        String raw = Files.readString(Path.of("src/main/resources/bkops/i18n/messages_zh.properties"), StandardCharsets.UTF_8);
        assertTrue(raw.contains("render.column.name = 名称"), "the file is UTF-8");
        assertEquals("名称", Messages.CHINESE.get("render.column.name"));
        assertEquals("NAME", Messages.ENGLISH.get("render.column.name"));
        // ResourceBundle.getBundle is not used: nothing falls back to the JVM's default locale's catalogue
        assertEquals(null, Messages.ENGLISH.helpBundle());
        assertEquals("名称", Messages.CHINESE.helpBundle().getString("render.column.name"));
    }

    @Test
    void aKeyTheChineseCatalogueLacksIsEnglishNeverTheKey() {
        assertEquals("english words", Messages.CHINESE.orEnglish("no.such.key", "english words"));
        assertEquals(ExitCode.OK.brief(), ExitCode.OK.brief(Messages.ENGLISH));
        assertTrue(ExitCode.OK.brief(Messages.CHINESE).contains("成功"));
    }

    @Test
    void theLanguageFollowsBkopsLangThenPosixPrecedence() {
        assertEquals(Lang.EN, Lang.of(Map.of()));
        assertEquals(Lang.ZH, Lang.of(Map.of("BKOPS_LANG", "zh")));
        assertEquals(Lang.ZH, Lang.of(Map.of("BKOPS_LANG", "zh_TW", "LC_ALL", "C")));
        assertEquals(Lang.EN, Lang.of(Map.of("BKOPS_LANG", "en", "LANG", "zh_CN.UTF-8")));
        assertEquals(Lang.ZH, Lang.of(Map.of("LANG", "zh_CN.UTF-8")));
        assertEquals(Lang.ZH, Lang.of(Map.of("LC_MESSAGES", "zh_CN", "LANG", "en_US.UTF-8")));
        assertEquals(Lang.EN, Lang.of(Map.of("LC_ALL", "C", "LANG", "zh_CN.UTF-8")));
        assertEquals(Lang.EN, Lang.of(Map.of("LC_ALL", "POSIX", "LC_MESSAGES", "zh_CN")));
        assertEquals(Lang.ZH, Lang.of(Map.of("LC_ALL", "", "LANG", "zh_CN.GB18030")), "an empty variable is unset");
        assertEquals(Lang.EN, Lang.of(Map.of("LANG", "en_US.UTF-8")));
    }
}
