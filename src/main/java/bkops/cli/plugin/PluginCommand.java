package bkops.cli.plugin;

import bkops.cli.BkopsCommand;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

import java.util.List;

/** The `plugin` noun: its verbs are the subcommands. */
@Command(name = "plugin",
        header = "Plugins (components) the business's templates may use.",
        description = "Plugins (components) the business's templates may use.")
public final class PluginCommand implements Runnable {
    /** The verbs, in help's order (Cli registers only the one named on the command line when it can tell). */
    public static final List<Class<?>> VERBS = List.of(PluginList.class);

    @Spec
    CommandSpec spec;

    @ParentCommand
    BkopsCommand root;

    @Override
    public void run() {
        throw bkops.cli.Cli.needsVerb(spec, "list");
    }
}
