package bkops.cli.periodic;

import bkops.cli.BkopsCommand;
import bkops.cli.GlobalUse;
import bkops.cli.Output;
import bkops.cli.OutputFormat;
import com.fasterxml.jackson.databind.JsonNode;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

import java.util.concurrent.Callable;

@Command(name = "list",
        header = "List the business's periodic tasks with their schedules.",
        description = {"The schedule is shown in standard cron order (minute hour day-of-month month day-of-week) with "
                + "the project's time zone; the API's own string orders the fields differently. -o wide adds the "
                + "template, the creator, the schedule in words and the server's string as it came; -o json prints the API's data."},
        footerHeading = "%nExamples:%n",
        footer = {"bkops periodic list", "bkops periodic list -o wide", "bkops periodic list -o id"})
@GlobalUse(dryRun = GlobalUse.DryRun.READS, formats = true)
public final class PeriodicList implements Callable<Integer> {
    @ParentCommand
    PeriodicCommand parent;

    @Override
    public Integer call() {
        BkopsCommand root = parent.root;
        Output out = root.session().output();
        OutputFormat f = out.format(OutputFormat.TABLE, OutputFormat.TABLE, OutputFormat.WIDE, OutputFormat.JSON,
                OutputFormat.JSONL, OutputFormat.YAML, OutputFormat.ID);
        JsonNode data = root.session().sops().periodicTaskList();
        switch (f) {
            case JSON, JSONL, YAML -> out.print(data, f);
            case ID -> data.forEach(p -> out.out().println(p.path("id").asText()));
            default -> {
                if (data.isEmpty()) {
                    out.info("no periodic tasks");
                } else {
                    new PeriodicView(out.style(), f == OutputFormat.WIDE).list(data, out.out());
                }
            }
        }
        out.out().flush();
        return 0;
    }
}
