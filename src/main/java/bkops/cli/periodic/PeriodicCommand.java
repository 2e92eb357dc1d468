package bkops.cli.periodic;

import bkops.cli.BkopsCommand;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

import java.util.List;

/** The `periodic` noun: its verbs are the subcommands. */
@Command(name = "periodic",
        header = "Periodic tasks: list, show, create, enable, disable, change the cron or the constants.",
        description = "Periodic tasks: list, show, create, enable, disable, change the cron or the constants.")
public final class PeriodicCommand implements Runnable {
    /**
     * The verbs, in help's order. Not in {@code @Command(subcommands)}, where picocli would build every one of them for
     * each run: Cli registers only the one named on the command line when it can tell.
     */
    public static final List<Class<?>> VERBS = List.of(PeriodicList.class, PeriodicShow.class, PeriodicCreate.class,
            PeriodicEnable.class, PeriodicDisable.class, PeriodicCron.class, PeriodicConstants.class);

    @Spec
    CommandSpec spec;

    @ParentCommand
    BkopsCommand root;

    @Override
    public void run() {
        throw bkops.cli.Cli.needsVerb(spec, "list");
    }
}
