package bkops.cli.node;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** The `node` noun: its verbs are the subcommands. */
@Command(name = "node",
        subcommands = {},
        header = "Nodes of a task: show one, retry, skip, choose a gateway branch, call back, pause and resume.",
        description = "Nodes of a task: show one, retry, skip, choose a gateway branch, call back, pause and resume.")
public final class NodeCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new picocli.CommandLine.ParameterException(spec.commandLine(),
                "'bkops node' needs a verb; see 'bkops node --help'");
    }
}
