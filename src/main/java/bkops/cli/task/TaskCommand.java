package bkops.cli.task;

import bkops.cli.BkopsCommand;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** The `task` noun: its verbs are the subcommands. */
@Command(name = "task",
        subcommands = {TaskList.class, TaskCreate.class, TaskStart.class, TaskOperate.class, TaskPause.class,
                TaskResume.class, TaskRevoke.class, TaskStatusCommand.class, TaskShow.class, TaskGraph.class,
                TaskWatch.class, TaskWait.class, TaskCount.class},
        header = "Tasks: create, start, operate, status tree, watch, wait, list, count.",
        description = "Tasks: create, start, operate, status tree, watch, wait, list, count.")
public final class TaskCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @ParentCommand
    BkopsCommand root;

    @Override
    public void run() {
        throw new picocli.CommandLine.ParameterException(spec.commandLine(),
                "'bkops task' needs a verb; see 'bkops task --help'");
    }
}
