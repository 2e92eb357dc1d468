package bkops.cli.task;

import bkops.cli.GlobalUse;
import bkops.cli.Ids;
import bkops.cli.Output;
import bkops.cli.OutputFormat;
import bkops.cli.Result;
import bkops.model.State;
import bkops.model.TaskStatus;
import bkops.render.TaskViews;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

import java.util.concurrent.Callable;

@Command(name = "show",
        header = "Show a task's detail: state, times, creator, executor, constants and outputs.",
        description = "get_task_detail plus the task's current state. -o json prints get_task_detail's data as the "
                + "API gives it (the server caches it for 60 s). The pipeline with node states is 'task status'.",
        footerHeading = "%nExamples:%n",
        footer = {"bkops task show 42", "bkops task show 42 -o json | jq .outputs"})
@GlobalUse(dryRun = GlobalUse.DryRun.READS, formats = {OutputFormat.TABLE, OutputFormat.WIDE, OutputFormat.JSON, OutputFormat.YAML})
public final class TaskShow implements Callable<Result> {
    @ParentCommand
    TaskCommand parent;

    @Parameters(paramLabel = "TASK", description = "Task id.")
    Ids.Task id;

    @Override
    public Result call() {
        Output out = parent.root.session().output();
        String task = id.value();
        JsonNode d = parent.root.session().sops().taskDetailFresh(task); // not the server's 60 s cached copy
        if (out.format() == OutputFormat.JSON || out.format() == OutputFormat.YAML) {
            return Result.of(d);
        }
        State state = TaskStatus.parse(parent.root.session().sops().taskStatusFresh(task, false)).state();
        JsonNode shown = parent.root.session().consoleLinks() ? d : ((ObjectNode) d.deepCopy()).without("task_url");
        return Result.of(d).show((w, f, style) -> TaskViews.detail(task, shown, state, f == OutputFormat.WIDE, style, w));
    }
}
