package bkops.cli.task;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** The `task` noun: its verbs are the subcommands. */
@Command(name = "task",
        subcommands = {},
        header = "Tasks: create, start, operate, status tree, watch, wait, list, count.",
        description = "Tasks: create, start, operate, status tree, watch, wait, list, count.")
public final class TaskCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new picocli.CommandLine.ParameterException(spec.commandLine(),
                "'bkops task' needs a verb; see 'bkops task --help'");
    }
}
