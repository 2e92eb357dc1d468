package bkops.cli.periodic;

import bkops.api.Json;
import bkops.api.SopsApi;
import bkops.cli.BkopsCommand;
import bkops.cli.ChangeRunner;
import bkops.cli.DryRun;
import bkops.cli.GlobalUse;
import bkops.cli.Ids;
import bkops.cli.Output;
import bkops.cli.OutputFormat;
import bkops.cli.Result;
import bkops.cron.CronExpression;
import bkops.cron.ServerCron;
import bkops.model.PeriodicTask;
import bkops.ops.Change;
import bkops.ops.PeriodicChanges;
import bkops.render.JsonOutput;
import bkops.render.SchedulePreview;
import com.fasterxml.jackson.databind.JsonNode;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.concurrent.Callable;

@Command(name = "cron",
        header = "Change a periodic task's schedule (standard five-field cron).",
        description = {"EXPR is standard cron: minute hour day-of-month month day-of-week, with lists, ranges, steps and "
                + "the names JAN-DEC / SUN-SAT; quote it, or give the five fields as separate words. It is checked here "
                + "(a bad field is named, nothing is sent), then shown in words with its next runs in the project's time "
                + "zone before it is applied. Works on enabled tasks. --dry-run shows it without applying."},
        footerHeading = "%nExamples:%n",
        footer = {"bkops periodic cron 3 '0 3 * * MON'", "bkops periodic cron 3 '*/15 9-17 * * MON-FRI' --next 10 --dry-run",
                "bkops periodic cron 3 '30 2 1 * *' -o json"})
@GlobalUse(dryRun = GlobalUse.DryRun.PREVIEW, formats = {OutputFormat.TABLE, OutputFormat.JSON, OutputFormat.YAML})
public final class PeriodicCron implements Callable<Result> {
    @ParentCommand
    PeriodicCommand parent;

    @Parameters(index = "0", paramLabel = "PERIODIC", description = "Periodic task id.")
    Ids.Periodic periodic;

    @Parameters(index = "1..*", arity = "1..*", paramLabel = "EXPR", description = "The new schedule in standard cron.")
    List<String> expression;

    @Mixin
    Schedules.DayRule days;

    @Mixin
    ScheduleOptions schedule;


    @Override
    public Result call() {
        BkopsCommand root = parent.root;
        Output out = root.session().output();
        ChangeRunner runner = new ChangeRunner(root, false);
        OutputFormat f = runner.format();
        String id = periodic.value();
        int next = schedule.next();
        CronExpression c = days.meaning(String.join(" ", expression));
        SopsApi sops = root.session().sops();
        ServerCron old = ServerCron.parseOrNull(PeriodicTask.parse(sops.periodicTaskInfo(id)).cron());
        ZoneId zone = Schedules.zone(old, out);
        Change<JsonNode> change = new PeriodicChanges(sops, root.context().sleeper()).cron(id, c.toApi());
        boolean dry = runner.dryRun();
        ZonedDateTime start = schedule.start(zone);
        if (!dry || f != OutputFormat.TABLE) {
            SchedulePreview.print(c, zone, start, next, out.style(), out.err());
        }
        // a dry run changed nothing: its last line must not read as if it had (issue 16)
        String says = out.style().text(dry ? "notice.cli.periodic.cron.dry-run" : "notice.cli.periodic.cron", id,
                old == null ? "?" : old.cron().text(), c.text(), zone.getId());
        if (dry) {
            if (f != OutputFormat.TABLE) {
                out.info(out.style().text("notice.cli.dry-run.nothing-sent.says", says));
            }
            return runner.preview(List.of(change), (w, format, style) -> {
                        SchedulePreview.print(c, zone, start, next, style, w);
                        w.println();
                        w.println("dry run: would POST modify_cron_for_periodic_task with {\"cron\": "
                                + JsonOutput.compact(Json.mapper().valueToTree(c.toApi())) + "}");
                        w.println(says);
                    });
        }
        JsonNode r = runner.send(change);
        return Result.of(r).show((w, format, style) -> w.println(says));
    }
}
