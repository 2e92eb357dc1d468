package bkops.cli.task;

import bkops.cli.BkopsCommand;
import bkops.cli.ChangeRunner;
import bkops.cli.GlobalUse;
import bkops.cli.Ids;
import bkops.cli.Output;
import bkops.cli.OutputFormat;
import bkops.cli.Result;
import bkops.ops.Change;
import bkops.ops.TaskActions;
import bkops.ops.TaskClaim;
import com.fasterxml.jackson.databind.node.TextNode;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

@Command(name = "claim",
        header = "Claim a functional task (flow type common_func), and optionally start it.",
        description = {"claim_functionalization_task: the task can then be started; claiming does not start it. "
                + "A gateway API from bk-sops 3.34.17 on (ESB has it in every version: --gateway esb). The server "
                + "refuses a task that is not functional or is already claimed (exit 3, its message). 'bkops task list "
                + "--func' lists the tasks waiting to be claimed.",
                "--start then starts it (start_task). A lost reply is not re-sent: the claim ticket is read back."},
        footerHeading = "%nExamples:%n",
        footer = {"bkops task claim 42", "bkops task claim 42 --start", "bkops task claim 42 --name 'release 1.2 (ops)' --dry-run"})
@GlobalUse(dryRun = GlobalUse.DryRun.PREVIEW, formats = {OutputFormat.TABLE, OutputFormat.JSON, OutputFormat.ID})
public final class TaskClaimCommand implements Callable<Result> {
    @ParentCommand
    TaskCommand parent;

    @Parameters(index = "0", paramLabel = "TASK", description = "Task id.")
    Ids.Task taskId;

    @Option(names = "--name", paramLabel = "NAME", description = "Rename the task as it is claimed.")
    String name;

    @Option(names = "--start", description = "Start the task once claimed.")
    boolean start;

    @Override
    public Result call() {
        BkopsCommand root = parent.root;
        Output out = root.session().output();
        ChangeRunner runner = new ChangeRunner(root, false);
        var sops = root.session().sops();
        String task = taskId.value();
        TaskActions actions = new TaskActions(sops, root.context().sleeper());
        if (runner.dryRun()) {
            List<Change<?>> changes = new ArrayList<>();
            changes.add(new TaskClaim(sops, root.context().sleeper(), task, name, 0));
            if (start) {
                changes.add(actions.change(task, "start"));
            }
            return runner.preview(changes, (w, format, style) -> w.println("dry run: would claim task " + task
                    + (start ? " and start it" : "") + "; nothing was sent"));
        }
        // the ticket of a lost reply is looked for in this project's (get_functionalization_task_list has no project path)
        long project = sops.projectDetail().path("project_id").asLong();
        TaskClaim.Done claimed = runner.send(new TaskClaim(sops, root.context().sleeper(), task, name, project));
        String said = "claimed task " + task + (claimed.readBack() ? " (the reply was lost; read back: " + claimed.status() + ")" : "");
        if (!start) {
            return Result.of(TextNode.valueOf(claimed.status())).ids(List.of(task)).show((w, format, style) -> w.println(said));
        }
        out.info(said);
        TaskActions.Done done = runner.send(actions.change(task, "start"));
        String started = "started task " + task + (done.readBack() ? " (the reply was lost; read back: " + done.state() + ")" : "");
        return Result.of(TextNode.valueOf("started")).ids(List.of(task)).show((w, format, style) -> w.println(started));
    }
}
