package bkops.cli;

import bkops.ExitCode;
import bkops.cli.clocked.ClockedCommand;
import bkops.cli.config.ConfigCommand;
import bkops.cli.docs.CompleteCommand;
import bkops.cli.docs.CompletionCommand;
import bkops.cli.job.JobCommand;
import bkops.cli.node.NodeCommand;
import bkops.cli.periodic.PeriodicCommand;
import bkops.cli.plugin.PluginCommand;
import bkops.cli.sandbox.SandboxCommand;
import bkops.cli.step.StepCommand;
import bkops.cli.task.TaskCommand;
import bkops.cli.template.TemplateCommand;
import bkops.config.Source;
import bkops.i18n.Messages;
import bkops.i18n.Text;
import picocli.CommandLine;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Builds the command line with its error handling and runs it; used by Main and by tests. */
public final class Cli {
    private Cli() {}

    public static int run(CliContext ctx, String... args) {
        for (int i = 0; i < args.length; i++) {
            // Arguments are decoded as UTF-8 (bin/bkops sees to the JVM's locale, the daemon decodes UTF-8): bytes of
            // another encoding (a GBK terminal) arrive as U+FFFD, which must not reach a server as a name or a value.
            if (args[i].indexOf('\uFFFD') >= 0) {
                bkops.i18n.Messages m = bkops.i18n.Messages.of(ctx.env());
                ctx.err().println(m.get("reporter.line", m.get("errors.cli.argument-not-utf8", i + 1)));
                ctx.err().flush();
                return ExitCode.USAGE.code();
            }
        }
        CommandLine cl = build(ctx, args);
        BkopsCommand root = cl.getCommand();
        try {
            return cl.execute(args);
        } finally {
            root.releaseCtrlC(); // the result is printed: Ctrl-C may end the JVM now
            root.closeSession();
            root.context().out().flush();
            root.context().err().flush();
            ctx.out().flush();
            ctx.err().flush();
        }
    }

    /** Every command, in the order help lists them. */
    private static final Map<String, Class<?>> COMMANDS = new LinkedHashMap<>();

    static {
        // Every CommandLine picocli makes (one per command: ~15 for `task status`) looks up converters for 17
        // java.sql and java.time types by reflection: the declared methods of each class, and the classes their
        // signatures name (~60 more classes loaded). No bkops option has such a type.
        if (System.getProperty("picocli.converters.excludes") == null) {
            System.setProperty("picocli.converters.excludes", "java\\.sql\\..*,java\\.time\\..*");
        }
        COMMANDS.put("template", TemplateCommand.class);
        COMMANDS.put("task", TaskCommand.class);
        COMMANDS.put("node", NodeCommand.class);
        COMMANDS.put("periodic", PeriodicCommand.class);
        COMMANDS.put("step", StepCommand.class);
        COMMANDS.put("job", JobCommand.class);
        COMMANDS.put("plugin", PluginCommand.class);
        COMMANDS.put("clocked", ClockedCommand.class);
        COMMANDS.put("config", ConfigCommand.class);
        COMMANDS.put("doctor", DoctorCommand.class);
        COMMANDS.put("completion", CompletionCommand.class);
        COMMANDS.put("sandbox", SandboxCommand.class);
        COMMANDS.put("daemon", DaemonCommand.class);
        COMMANDS.put("options", OptionsCommand.class);
        COMMANDS.put("__complete", CompleteCommand.class);
        COMMANDS.put("__train", TrainCommand.class);
        COMMANDS.put("help", CommandLine.HelpCommand.class);
    }

    /** Global options that take a value: their value is not the command's name. */
    private static final Set<String> VALUED = valued();

    /** The names of GlobalOptions' options that take a value (every one but the switches), read from their declarations. */
    static Set<String> valued() {
        Set<String> names = new java.util.TreeSet<>();
        for (java.lang.reflect.Field f : GlobalOptions.class.getDeclaredFields()) {
            CommandLine.Option o = f.getAnnotation(CommandLine.Option.class);
            if (o != null && f.getType() != boolean.class && f.getType() != Boolean.class) {
                names.addAll(List.of(o.names()));
            }
        }
        return Set.copyOf(names);
    }

    /** The complete command line; what help, the completion and man page generators read. */
    public static CommandLine build(CliContext ctx) {
        return build(ctx, null);
    }

    /**
     * The command line for these arguments. Building every command costs ~200 ms of reflection on a cold JVM, so only
     * the command named in {@code args} is registered when it can be told, and of a noun only the verb named; otherwise
     * (help, typos) all of them. A noun lists its verbs in its VERBS.
     */
    static CommandLine build(CliContext ctx, String[] args) {
        OutputGuard guard = new OutputGuard();
        CliContext guarded = guard.guard(ctx);
        BkopsCommand root = new BkopsCommand(guarded, guard);
        Factory factory = new Factory(root);
        CommandLine cl = new CommandLine(root, factory);
        List<String> named = args == null ? null : commandNamed(args);
        COMMANDS.forEach((name, cls) -> {
            if (named == null || !named.isEmpty() && named.get(0).equals(name)) {
                CommandLine noun = new CommandLine(cls, factory);
                List<Class<?>> verbs = verbs(cls);
                String verb = named != null && named.size() > 1 ? named.get(1) : null;
                boolean known = verb != null && verbs.stream().anyMatch(v -> verbName(v).equals(verb));
                for (Class<?> v : verbs) {
                    if (!known || verbName(v).equals(verb)) {
                        noun.addSubcommand(verbName(v), new CommandLine(v, factory));
                    }
                }
                cl.addSubcommand(name, noun); // after its verbs: the root's inherited options reach them all
            }
        });
        HelpScreens.install(cl);
        Ids.register(cl);
        Values.register(cl);
        cl.setOut(guarded.out());
        cl.setErr(guarded.err());
        cl.setCaseInsensitiveEnumValuesAllowed(true);
        // "-p sandbox sandbox reset": the profile named like a command is the option's value, as commandNamed reads it
        cl.setAllowSubcommandsAsOptionParameters(true);
        // picocli replaces any argument starting with '@' by a file's words: a task named '@x' or '--data @f' would
        // become other arguments. Off; the options documented to take @FILE read it themselves.
        cl.setExpandAtFiles(false);
        ErrorReporter reporter = new ErrorReporter(root);
        cl.setParameterExceptionHandler(reporter::onParameterException);
        cl.setExecutionStrategy(parsed -> {
            refuseWhatCannotBeHonoured(parsed, root);
            if (fitHelpToTerminal(parsed, cl, guarded)) {
                localizeHelp(cl, root.messages());
            }
            int code = new CommandLine.RunLast().execute(parsed);
            return print(parsed, root, code);
        });
        cl.setExecutionExceptionHandler(reporter::onExecutionException);
        return cl;
    }

    /**
     * A global option the command cannot honour is an error, never silently ignored: --dry-run where the command would
     * change something it cannot preview, an explicit -o where it has no formats (worded as Output.format words it).
     * Noun groups (they only say a verb is needed), help and the hidden commands are left alone.
     */
    private static void refuseWhatCannotBeHonoured(CommandLine.ParseResult parsed, BkopsCommand root) {
        List<CommandLine> line = parsed.asCommandLineList();
        CommandLine leaf = line.get(line.size() - 1);
        boolean help = line.stream().anyMatch(c -> c.isUsageHelpRequested() || c.isVersionHelpRequested());
        if (help || !leaf.getSubcommands().isEmpty() || leaf.getCommandSpec().usageMessage().hidden()
                || leaf.getCommand() instanceof CommandLine.HelpCommand) {
            return;
        }
        GlobalUse use = leaf.getCommand().getClass().getAnnotation(GlobalUse.class);
        List<OutputFormat> formats = formats(use);
        root.formats(formats);
        String name = leaf.getCommandSpec().qualifiedName();
        GlobalOptions global = root.global;
        try {
            if (leaf.getCommand() instanceof Waits w && w.waits()) {
                root.timeoutIsDeadline();
            }
            if (global.dryRun && (use == null || use.dryRun() == GlobalUse.DryRun.REFUSED)) {
                throw CliException.usage(Text.of("errors.cli.dry-run.not-available", name));
            }
            if (global.jq != null) {
                root.jq(jqFor(name, formats, global.output, global.jq));
            }
            if (global.output != null) {
                // before anything is read or sent; a result that can give fewer says so when it is printed
                OutputFormat.parse(global.output, formats.isEmpty() ? EnumSet.of(OutputFormat.TABLE)
                        : EnumSet.copyOf(formats), Source.FLAG.label());
            }
        } catch (CliException | bkops.config.ConfigException e) {
            throw new CommandLine.ExecutionException(leaf, e.getMessage(), e);
        }
    }

    /**
     * A noun typed without a verb: its help (its verbs) on stderr, then a usage error (exit 2), as `bkops` alone does;
     * stdout stays empty. {@code example}: a verb to suggest.
     */
    public static CliException needsVerb(CommandLine.Model.CommandSpec noun, String example) {
        CommandLine cl = noun.commandLine();
        cl.usage(cl.getErr());
        return CliException.usage(Text.of("errors.cli.no-verb", noun.qualifiedName(), example));
    }

    /** A command's -o formats, its default first; none when it prints no data. */
    static List<OutputFormat> formats(GlobalUse use) {
        return use == null ? List.of() : List.of(use.formats());
    }

    /** The -o formats of the command {@code spec} describes, its default first (help, completion, man pages). */
    public static List<OutputFormat> formats(CommandLine.Model.CommandSpec spec) {
        Object command = spec.userObject();
        return command == null ? List.of() : formats(command.getClass().getAnnotation(GlobalUse.class));
    }

    /** "table (default), wide, json": the formats as help and the man pages list them. */
    public static String formatList(List<OutputFormat> formats) {
        return formatList(formats, Messages.ENGLISH);
    }

    public static String formatList(List<OutputFormat> formats, Messages m) {
        List<String> words = new java.util.ArrayList<>();
        for (int i = 0; i < formats.size(); i++) {
            words.add(i == 0 ? m.get("help.formats.default", formats.get(i).id()) : formats.get(i).id());
        }
        return String.join(", ", words);
    }

    /**
     * Help in the run's language, set only when help is about to be printed (an English run, or one that prints no
     * help, never opens the catalogue for it): picocli reads the descriptions, headings and examples from the Chinese
     * catalogue (keys: README, Development), falling back to the annotations' English for a key it lacks. HelpScreens
     * draws its own headings, the formats and the exit codes in the run's language. Also what the man page generator
     * calls for a language.
     */
    public static void localizeHelp(CommandLine cl, Messages m) {
        java.util.ResourceBundle bundle = m.helpBundle();
        if (bundle == null) {
            return;
        }
        cl.setResourceBundle(bundle); // and every subcommand's
    }

    /** The leaf command's {@link Result}, printed by {@link Output}; any other command has printed what it had. */
    private static int print(CommandLine.ParseResult parsed, BkopsCommand root, int code) {
        List<CommandLine> line = parsed.asCommandLineList();
        CommandLine leaf = line.get(line.size() - 1);
        if (!(leaf.getExecutionResult() instanceof Result result)) {
            return code;
        }
        try {
            return root.session().outputEvenWithoutSettings().print(result);
        } catch (RuntimeException e) {
            throw new CommandLine.ExecutionException(leaf, String.valueOf(e.getMessage()), e);
        }
    }

    /**
     * --jq, checked before anything is read or sent: it filters what -o json prints (-o jsonl's lines on a command
     * without -o json), so a command without either, or another -o given with it, is a usage error.
     */
    private static JqFilter jqFor(String name, List<OutputFormat> formats, String output, String expression) {
        OutputFormat json = formats.contains(OutputFormat.JSON) ? OutputFormat.JSON
                : formats.contains(OutputFormat.JSONL) ? OutputFormat.JSONL : null;
        if (json == null) {
            throw CliException.usage(Text.of("errors.cli.jq.not-available", name));
        }
        if (output != null && !output.trim().equalsIgnoreCase(json.id())) {
            throw CliException.usage(Text.of("errors.cli.jq.with-output", json.id(), output.trim()));
        }
        return JqFilter.compile(expression);
    }

    /**
     * Help is as wide as stdout's terminal (80 columns elsewhere), asked only when help may be printed: -h/--help,
     * `help`, or a command group without its verb. (Asking costs an ioctl or an stty: not for every run.) True when
     * help may be printed.
     */
    private static boolean fitHelpToTerminal(CommandLine.ParseResult parsed, CommandLine root, CliContext ctx) {
        List<CommandLine> line = parsed.asCommandLineList();
        CommandLine leaf = line.get(line.size() - 1);
        boolean help = line.stream().anyMatch(CommandLine::isUsageHelpRequested)
                || leaf.getCommand() instanceof CommandLine.HelpCommand || leaf.getCommand() instanceof OptionsCommand
                || !leaf.getSubcommands().isEmpty();
        int columns = help && ctx.stdoutIsTerminal() ? ctx.terminalSize().get().columns() : 0;
        if (columns > 0) {
            root.setUsageHelpWidth(Math.max(55, columns)); // picocli's minimum
        }
        return help;
    }

    /**
     * The command named in args and the word after it (its verb, if it is one); empty when none is needed (--version
     * alone); null when all must be registered.
     */
    private static List<String> commandNamed(String[] args) {
        boolean version = false;
        List<String> path = new ArrayList<>(2);
        for (int i = 0; i < args.length && path.size() < 2; i++) {
            String a = args[i];
            if (a.equals("--")) {
                break; // what follows is not options: leave it all to picocli
            }
            if (a.startsWith("-")) {
                if (VALUED.contains(a)) {
                    i++;
                }
                version |= a.equals("-V") || a.equals("--version");
                continue;
            }
            // help and completion describe every command, so they need all of them registered
            if (path.isEmpty() && (!COMMANDS.containsKey(a) || a.equals("help") || a.equals("completion"))) {
                return null;
            }
            path.add(a);
        }
        return path.isEmpty() && !version ? null : path;
    }

    /** A noun's verbs (its public static VERBS), none for a command without. */
    @SuppressWarnings("unchecked")
    private static List<Class<?>> verbs(Class<?> noun) {
        try {
            return (List<Class<?>>) noun.getField("VERBS").get(null);
        } catch (NoSuchFieldException e) {
            return List.of();
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(noun.getName() + ".VERBS is not public", e);
        }
    }

    private static String verbName(Class<?> verb) {
        return verb.getAnnotation(CommandLine.Command.class).name();
    }

    /** Gives every command the root (and so the context) without reflection-heavy DI. */
    static final class Factory implements CommandLine.IFactory {
        private final BkopsCommand root;

        Factory(BkopsCommand root) {
            this.root = root;
        }

        @Override
        public <K> K create(Class<K> cls) throws Exception {
            if (cls == BkopsCommand.class) {
                return cls.cast(root);
            }
            return CommandLine.defaultFactory().create(cls);
        }
    }
}
