package bkops.cli.clocked;

import bkops.cli.BkopsCommand;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

import java.util.List;

/** The `clocked` noun: its verbs are the subcommands. */
@Command(name = "clocked",
        header = "Clocked tasks: tasks created and started once, at a planned time ('task create --at').",
        description = "Clocked tasks: tasks created and started once, at a planned time ('task create --at').")
public final class ClockedCommand implements Runnable {
    /** The verbs, in help's order (Cli registers only the one named on the command line when it can tell). */
    public static final List<Class<?>> VERBS = List.of(ClockedList.class);

    @Spec
    CommandSpec spec;

    @ParentCommand
    BkopsCommand root;

    @Override
    public void run() {
        throw bkops.cli.Cli.needsVerb(spec, "list");
    }
}
