package bkops.cli.task;

import bkops.cli.GlobalUse;
import bkops.cli.OutputFormat;
import bkops.cli.Result;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

import java.util.List;
import java.util.concurrent.Callable;

@Command(name = "revoke",
        header = "Revoke tasks: nothing more runs in them (asks first; --yes in scripts).",
        description = "operate_task action=revoke on each task. One line per id; exit 7 when some failed, the failure's own "
                + "code when all did. A lost reply is not re-sent: the task's status is read back instead.",
        footerHeading = "%nExamples:%n",
        footer = {"bkops task revoke 42", "bkops task revoke 42 43 --yes", "bkops task revoke 42 --dry-run"})
@GlobalUse(dryRun = GlobalUse.DryRun.PREVIEW, formats = {OutputFormat.TABLE, OutputFormat.JSONL, OutputFormat.ID})
public final class TaskRevoke implements Callable<Result> {
    @ParentCommand
    TaskCommand parent;

    @Parameters(paramLabel = "TASK", arity = "1..*", description = "Task ids; '-' reads ids from stdin.")
    List<String> ids;

    @Override
    public Result call() {
        return ActionRun.run(parent.root, ids, "revoke", null);
    }
}
