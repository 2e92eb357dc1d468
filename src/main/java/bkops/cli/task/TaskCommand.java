package bkops.cli.task;

import bkops.cli.BkopsCommand;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

import java.util.List;

/** The `task` noun: its verbs are the subcommands. */
@Command(name = "task",
        header = "Tasks: create, start, claim, operate, status tree, history, watch, wait, list, count.",
        description = "Tasks: create, start, claim, operate, status tree, history, watch, wait, list, count.")
public final class TaskCommand implements Runnable {
    /**
     * The verbs, in help's order. Not in {@code @Command(subcommands)}, where picocli would build every one of them for
     * each run: Cli registers only the one named on the command line when it can tell.
     */
    public static final List<Class<?>> VERBS = List.of(TaskList.class, TaskCreate.class, TaskStart.class, TaskClaimCommand.class,
            TaskOperate.class, TaskPause.class, TaskResume.class, TaskRevoke.class, TaskStatusCommand.class,
            TaskShow.class, TaskHistory.class, TaskGraph.class, TaskWatch.class, TaskWait.class, TaskCount.class);

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
