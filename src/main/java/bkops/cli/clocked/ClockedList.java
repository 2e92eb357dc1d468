package bkops.cli.clocked;

import bkops.cli.CliException;
import bkops.cli.GlobalUse;
import bkops.cli.OutputFormat;
import bkops.cli.Result;
import bkops.cli.Values;
import bkops.i18n.Text;
import bkops.model.ClockedTask;
import bkops.ops.Pages;
import bkops.render.ConsoleViews;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

@Command(name = "list",
        header = "List the business's clocked tasks, newest first: when each runs, and the task it created.",
        description = {"get_clocked_task_list, a gateway API from bk-sops 3.34.17 on (older gateways answer 404: there "
                + "the web console is the only way to list them). Pages of at most 200 are read until --limit.",
                "PLAN START is the server's time with its offset; STATE is not_started, started (TASK is the task it "
                        + "created) or start_failed. -o json prints the API's data."},
        footerHeading = "%nExamples:%n",
        footer = {"bkops clocked list", "bkops clocked list --state not_started -o wide",
                "bkops task create --template 40 --name nightly --at '2026-12-02 03:00' && bkops clocked list --limit 5"})
@GlobalUse(dryRun = GlobalUse.DryRun.READS, formats = {OutputFormat.TABLE, OutputFormat.WIDE, OutputFormat.JSON, OutputFormat.JSONL, OutputFormat.YAML, OutputFormat.ID})
public final class ClockedList implements Callable<Result> {
    @ParentCommand
    ClockedCommand parent;

    @Option(names = "--state", paramLabel = "STATE", description = "not_started, started or start_failed.")
    Values.ClockedState state;

    @Option(names = "--name", paramLabel = "TEXT", description = "Task name contains TEXT.")
    String name;

    @Option(names = "--creator", paramLabel = "USER", description = "Created by USER.")
    String creator;

    @Option(names = "--limit", paramLabel = "N", defaultValue = "100", description = "At most N clocked tasks. Default: ${DEFAULT-VALUE}.")
    int limit;

    @Override
    public Result call() {
        if (limit < 1) {
            throw CliException.usage(Text.of("errors.cli.at-least-1", "--limit", limit));
        }
        Map<String, Object> filters = new LinkedHashMap<>();
        if (state != null) {
            filters.put("state", state.name());
        }
        if (name != null) {
            filters.put("task_name", name);
        }
        if (creator != null) {
            filters.put("creator", creator);
        }
        var sops = parent.root.session().sops();
        Pages.Page page = Pages.read((n, offset) -> sops.clockedTaskListPage(filters, n, offset), limit);
        List<ClockedTask> tasks = ClockedTask.parseList(page.items());
        Result r = Result.of(page.items()).ids(tasks.stream().map(c -> String.valueOf(c.id())).toList());
        if (tasks.isEmpty()) {
            return r.note("no clocked tasks" + (filters.isEmpty() ? "" : " match"));
        }
        return r.show((out, f, style) -> ConsoleViews.clocked(tasks, f == OutputFormat.WIDE, style, out))
                .note(tasks.size() + " of " + page.total() + " clocked tasks");
    }
}
