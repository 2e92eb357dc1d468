package bkops.cli.task;

import bkops.cli.GlobalUse;
import bkops.cli.OutputFormat;
import bkops.cli.Result;
import bkops.cli.Waits;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

import java.util.List;
import java.util.concurrent.Callable;

@Command(name = "start",
        header = "Start created tasks.",
        description = {"Starts each task (start_task; the server starts it asynchronously). One line per id; exit 7 "
                + "when some failed. A lost reply is not re-sent: the task's status is read back instead.",
                "--wait then waits like 'task wait' (--timeout is then the deadline of the wait)."},
        footerHeading = "%nExamples:%n",
        footer = {"bkops task start 42", "bkops task start 42 --wait --timeout 30m", "bkops task list --no-started -o id | bkops task start -"})
@GlobalUse(dryRun = GlobalUse.DryRun.PREVIEW, formats = {OutputFormat.TABLE, OutputFormat.JSONL, OutputFormat.ID})
public final class TaskStart implements Callable<Result>, Waits {
    @ParentCommand
    TaskCommand parent;

    @Parameters(paramLabel = "TASK", arity = "1..*", description = "Task ids; '-' reads ids from stdin.")
    List<String> ids;

    @Option(names = "--wait", description = "Wait for the started tasks to end; the exit code says how (see 'task wait').")
    boolean await;

    @Mixin
    WaitOptions waitOptions;

    @Override
    public boolean waits() {
        return await;
    }

    @Override
    public Result call() {
        waitOptions.requireWait(await);
        WaitRun wait = await ? new WaitRun(parent.root, waitOptions) : null;
        return ActionRun.run(parent.root, ids, "start", wait);
    }
}
