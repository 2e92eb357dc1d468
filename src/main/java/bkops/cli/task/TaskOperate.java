package bkops.cli.task;

import bkops.cli.GlobalUse;
import bkops.cli.OutputFormat;
import bkops.cli.Result;
import bkops.cli.Values;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

import java.util.List;
import java.util.concurrent.Callable;

@Command(name = "operate",
        header = "Start, pause, resume or revoke tasks (operate_task).",
        description = "The same as 'task start|pause|resume|revoke'. revoke asks first on a terminal and needs --yes "
                + "otherwise.",
        footerHeading = "%nExamples:%n",
        footer = {"bkops task operate 42 --action pause", "bkops task operate 42 --action revoke --yes"})
@GlobalUse(dryRun = GlobalUse.DryRun.PREVIEW, formats = {OutputFormat.TABLE, OutputFormat.JSONL, OutputFormat.ID})
public final class TaskOperate implements Callable<Result> {
    @ParentCommand
    TaskCommand parent;

    @Parameters(paramLabel = "TASK", arity = "1..*", description = "Task ids; '-' reads ids from stdin.")
    List<String> ids;

    @Option(names = "--action", required = true, paramLabel = "ACTION", description = "start, pause, resume or revoke.")
    Values.TaskAction action;

    @Override
    public Result call() {
        return ActionRun.run(parent.root, ids, action.name(), null);
    }
}
