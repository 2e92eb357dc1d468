package bkops.cli.task;

import bkops.cli.GlobalUse;
import bkops.cli.Ids;
import bkops.cli.OutputFormat;
import bkops.cli.Result;
import bkops.cli.Waits;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

import java.util.List;
import java.util.concurrent.Callable;

@Command(name = "watch",
        header = "Follow a task until it ends: its status tree, redrawn in place.",
        description = {"On a terminal the status tree is redrawn in place; otherwise each state change of the task "
                + "or a node is printed as a line, with a heartbeat every minute, then the final tree. -o wide adds node "
                + "ids to the tree.",
                "Exit: 0 FINISHED, 10 FAILED (needs intervention), 11 REVOKED, 12 paused or waiting for a callback "
                        + "(--through-waiting waits past it), 13 EXPIRED, 124 --timeout passed, 130 Ctrl-C. Anything "
                        + "but FINISHED prints on stderr the nodes that need someone and the commands that act on them."},
        footerHeading = "%nExamples:%n",
        footer = {"bkops task watch 42", "bkops task watch 42 -o wide", "bkops task watch 42 --timeout 30m", "bkops task watch 42 --interval 5s"})
@GlobalUse(dryRun = GlobalUse.DryRun.READS, formats = {OutputFormat.TABLE, OutputFormat.WIDE, OutputFormat.TREE})
public final class TaskWatch implements Callable<Result>, Waits {
    @ParentCommand
    TaskCommand parent;

    @Parameters(paramLabel = "TASK", description = "Task id.")
    Ids.Task id;

    @Mixin
    WaitOptions waitOptions;

    @Override
    public boolean waits() {
        return true;
    }

    @Override
    public Result call() {
        WaitRun run = new WaitRun(parent.root, waitOptions);
        String task = id.value();
        return run.run(List.of(task), true, parent.root.session().output().format());
    }
}
