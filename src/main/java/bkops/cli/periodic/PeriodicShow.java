package bkops.cli.periodic;

import bkops.cli.GlobalUse;
import bkops.cli.Ids;
import bkops.cli.OutputFormat;
import bkops.cli.Result;
import bkops.render.PeriodicView;
import com.fasterxml.jackson.databind.JsonNode;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

import java.util.concurrent.Callable;

@Command(name = "show",
        header = "Show a periodic task: schedule, next runs, state, the constants it will use and its pipeline.",
        description = {"The schedule is shown in standard cron order with the project's time zone (taken from the "
                + "server's cron string), in words, and with its next runs in that zone, daylight saving marked.",
                "-o wide adds node ids to the pipeline; -o json prints the API's data."},
        footerHeading = "%nExamples:%n",
        footer = {"bkops periodic show 3", "bkops periodic show 3 --next 10", "bkops periodic show 3 -o json"})
@GlobalUse(dryRun = GlobalUse.DryRun.READS, formats = {OutputFormat.TABLE, OutputFormat.WIDE, OutputFormat.JSON, OutputFormat.YAML})
public final class PeriodicShow implements Callable<Result> {
    @ParentCommand
    PeriodicCommand parent;

    @Parameters(paramLabel = "PERIODIC", description = "Periodic task id.")
    Ids.Periodic periodic;

    @Mixin
    ScheduleOptions schedule;


    @Override
    public Result call() {
        String id = periodic.value();
        int next = schedule.next();
        JsonNode data = parent.root.session().sops().periodicTaskInfo(id);
        return Result.of(data).show((out, f, style) -> new PeriodicView(style, f == OutputFormat.WIDE)
                .show(data, zone -> schedule.start(zone), next, out));
    }
}
