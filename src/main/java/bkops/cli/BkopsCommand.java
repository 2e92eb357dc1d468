package bkops.cli;

import bkops.ExitCode;
import bkops.i18n.Text;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

/** The root command: owns the global options and the run's context; the nouns are its subcommands. */
@Command(name = "bkops",
        scope = ScopeType.INHERIT,
        mixinStandardHelpOptions = true,
        abbreviateSynopsis = true,
        versionProvider = VersionProvider.class,
        sortOptions = false,
        // Subcommands are registered by Cli.build, only the one named on the command line when it can tell.
        // The help's width is the terminal's, set by Cli when help is printed: usageHelpAutoWidth made picocli run
        // `stty -a -F /dev/tty` (and sleep 25 ms polling for it) while building the commands of every run on a
        // terminal, and measured the daemon's terminal (none) instead of the client's.
        header = "Operate BlueKing Standard OPS tasks and Job steps from a terminal or a CI script.",
        description = {
                "bkops shows a task's pipeline at a glance and acts on failed nodes in seconds;",
                "scripts create a task, start it, wait for it and branch on the exit code.",
                "With no configuration it talks to the embedded sandbox (-p sandbox)."})
// HelpScreens draws every screen: the exit codes (from bkops.ExitCode) on this one only
public final class BkopsCommand implements Runnable {
    @Mixin
    public GlobalOptions global = new GlobalOptions();

    @Spec
    CommandSpec spec;

    private final CliContext context;
    private final OutputGuard guard;

    public BkopsCommand(CliContext context) {
        this(context, new OutputGuard());
    }

    BkopsCommand(CliContext context, OutputGuard guard) {
        this.context = context;
        this.guard = guard;
    }

    /** A secret this run uses: masked in everything it prints from now on. */
    public void secret(String value) {
        guard.secret(value);
    }

    private Session session;
    private Interrupts ctrlC;
    private boolean timeoutIsDeadline;
    private java.time.Duration waitDeadline;
    /** The running command's -o formats, its default first (from its {@link GlobalUse}); set by {@link Cli}. */
    private java.util.List<OutputFormat> formats = java.util.List.of();

    void formats(java.util.List<OutputFormat> formats) {
        this.formats = formats;
    }

    java.util.List<OutputFormat> formats() {
        return formats;
    }

    /** --jq compiled, null without it; set by {@link Cli} before the command runs. */
    private JqFilter jq;

    void jq(JqFilter jq) {
        this.jq = jq;
    }

    JqFilter jq() {
        return jq;
    }

    public CliContext context() {
        return context;
    }

    private bkops.i18n.Messages messages;

    /** The run's language, decided once from the run's environment (bkops.i18n.Lang). */
    public bkops.i18n.Messages messages() {
        if (messages == null) {
            messages = bkops.i18n.Messages.of(context.env());
        }
        return messages;
    }

    /** The run's connection to SOPS and Job, built on first use. */
    public Session session() {
        if (session == null) {
            session = new Session(this);
        }
        return session;
    }

    /**
     * The global --timeout becomes the deadline of the run's wait ({@link Waits}); asked by {@link Cli} before the
     * command runs, so that the session's per-request timeout no longer comes from the flag.
     */
    void timeoutIsDeadline() {
        String t = global.timeout;
        try {
            waitDeadline = t == null ? null : bkops.config.Durations.parse(t);
        } catch (RuntimeException e) {
            throw CliException.usage(Text.of("errors.cli.option-value", "--timeout", CliException.said(e)));
        }
        timeoutIsDeadline = true;
    }

    /** The deadline of the run's wait (the global --timeout of a command that waits); null: none. */
    public java.time.Duration waitDeadline() {
        return waitDeadline;
    }

    /** The typed setting flags, as settings are resolved from them (--timeout left out when it is a wait's deadline). */
    public java.util.Map<String, String> settingFlags() {
        java.util.Map<String, String> flags = global.settingFlags();
        if (timeoutIsDeadline) {
            flags.remove("timeout");
        }
        return flags;
    }

    /**
     * Ctrl-C from now on interrupts this run's thread instead of ending the JVM at once, which waits (a moment) until
     * the run's result is printed: for commands whose Ctrl-C must be reported (waits, bulk sends).
     */
    public Interrupts ctrlC() {
        if (ctrlC == null) {
            ctrlC = Interrupts.onCtrlC();
        }
        return ctrlC;
    }

    void releaseCtrlC() {
        if (ctrlC != null) {
            ctrlC.close();
            ctrlC = null;
        }
    }

    void closeSession() {
        if (session != null) {
            session.close();
            session = null;
        }
    }

    @Override
    public void run() {
        spec.commandLine().usage(context.err());
        throw new CliException(ExitCode.USAGE, Text.of("errors.cli.no-command"));
    }
}
