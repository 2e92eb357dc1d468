package bkops.cli.task;

import bkops.cli.GlobalUse;
import bkops.cli.OutputFormat;
import bkops.cli.Result;
import bkops.cli.Values;
import bkops.render.TaskViews;
import com.fasterxml.jackson.databind.JsonNode;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

import java.util.Map;
import java.util.concurrent.Callable;

@Command(name = "count",
        header = "Count the business's tasks by status, category, flow type or creation method.",
        description = {"query_task_count. The real API gateway does not publish this API (only ESB and the backend "
                + "do), so it needs --gateway esb; through the gateway bkops says so and exits 2 rather than guess a "
                + "count from paging through every task.",
                "-o json prints the API's data ({total, groups[{code, name, value}]})."},
        footerHeading = "%nExamples:%n",
        footer = {"bkops --gateway esb task count --group-by status", "bkops --gateway esb task count --group-by category -o json"})
@GlobalUse(dryRun = GlobalUse.DryRun.READS, formats = {OutputFormat.TABLE, OutputFormat.JSON, OutputFormat.YAML})
public final class TaskCount implements Callable<Result> {
    @ParentCommand
    TaskCommand parent;

    @Option(names = "--group-by", required = true, paramLabel = "FIELD",
            description = "status, category, flow_type or create_method.")
    Values.GroupBy groupBy;

    @Override
    public Result call() {
        JsonNode data = parent.root.session().sops().taskCount(groupBy.name(), Map.of());
        return Result.of(data).show((out, f, style) -> TaskViews.count(groupBy.name(), data, style, out));
    }
}
