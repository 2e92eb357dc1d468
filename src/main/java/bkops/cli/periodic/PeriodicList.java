package bkops.cli.periodic;

import bkops.cli.GlobalUse;
import bkops.cli.OutputFormat;
import bkops.cli.Result;
import bkops.model.PeriodicTask;
import bkops.render.PeriodicView;
import com.fasterxml.jackson.databind.JsonNode;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

@Command(name = "list",
        header = "List the business's periodic tasks with their schedules.",
        description = {"The schedule is shown in standard cron order (minute hour day-of-month month day-of-week) with "
                + "the project's time zone; the API's own string orders the fields differently. -o wide adds the "
                + "template, the creator, the schedule in words and the server's string as it came; -o json prints the API's data."},
        footerHeading = "%nExamples:%n",
        footer = {"bkops periodic list", "bkops periodic list -o wide", "bkops periodic list -o id"})
@GlobalUse(dryRun = GlobalUse.DryRun.READS, formats = {OutputFormat.TABLE, OutputFormat.WIDE, OutputFormat.JSON, OutputFormat.JSONL, OutputFormat.YAML, OutputFormat.ID})
public final class PeriodicList implements Callable<Result> {
    @ParentCommand
    PeriodicCommand parent;

    @Override
    public Result call() {
        JsonNode data = parent.root.session().sops().periodicTaskList();
        List<String> ids = new ArrayList<>();
        data.forEach(p -> ids.add(PeriodicTask.parse(p).id()));
        if (data.isEmpty()) {
            return Result.of(data).note("no periodic tasks");
        }
        return Result.of(data).ids(ids)
                .show((out, f, style) -> new PeriodicView(style, f == OutputFormat.WIDE).list(data, out));
    }
}
