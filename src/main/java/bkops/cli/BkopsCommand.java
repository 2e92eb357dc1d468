package bkops.cli;

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
                "With no configuration it talks to the embedded sandbox (-p sandbox)."},
        footerHeading = "%nExit codes:%n",
        footer = {
                "  0  success (watch/wait: the task FINISHED)",
                "  1  internal error (a bug)",
                "  2  usage error or missing configuration",
                "  3  refused by the API or by bkops's check of the current state",
                "  4  authentication or permission failure",
                "  5  not found",
                "  6  transport failure (connection, timeout, TLS, 5xx, a body that is not the API's JSON)",
                "  7  bulk command: some items failed",
                " 10  watch/wait: the task FAILED and needs intervention",
                " 11  watch/wait: the task was REVOKED",
                " 12  watch/wait: SUSPENDED or waiting on a paused node, a callback or a confirmation",
                " 13  watch/wait: the task EXPIRED",
                "124  watch/wait: --timeout passed first",
                "130  interrupted"})
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

    public CliContext context() {
        return context;
    }

    /** The run's connection to SOPS and Job, built on first use. */
    public Session session() {
        if (session == null) {
            session = new Session(this);
        }
        return session;
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
        throw new CliException(ExitCode.USAGE, "a command is required, e.g. 'bkops template list' (see 'bkops --help')");
    }
}
