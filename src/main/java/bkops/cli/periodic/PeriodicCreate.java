package bkops.cli.periodic;

import bkops.api.Json;
import bkops.api.SopsApi;
import bkops.cli.BkopsCommand;
import bkops.cli.ChangeRunner;
import bkops.cli.CliException;
import bkops.cli.DryRun;
import bkops.cli.GlobalUse;
import bkops.cli.Ids;
import bkops.cli.Output;
import bkops.cli.OutputFormat;
import bkops.cli.Result;
import bkops.cli.TemplateInputs;
import bkops.cron.CronExpression;
import bkops.cron.ServerCron;
import bkops.i18n.Text;
import bkops.model.PeriodicTask;
import bkops.model.Template;
import bkops.ops.Change;
import bkops.ops.PeriodicChanges;
import bkops.ops.TaskDraft;
import bkops.render.JsonOutput;
import bkops.render.SchedulePreview;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

@Command(name = "create",
        header = "Create a periodic task from a template, with a standard cron schedule.",
        description = {"--cron takes standard five-field cron: minute hour day-of-month month day-of-week, with lists, "
                + "ranges, steps and the names JAN-DEC / SUN-SAT. It is checked here (a bad field is named, nothing is "
                + "sent) and sent as the API's cron object.",
                "The API creates periodic tasks disabled; --enable enables it right after. Before that, the schedule is "
                + "shown in words with its next runs in the project's time zone. --dry-run shows the schedule and the "
                + "request without sending it."},
        footerHeading = "%nExamples:%n",
        footer = {"bkops periodic create --template 1 --name weekly-deploy --cron '0 3 * * MON' --enable",
                "bkops periodic create --template 5 --name nightly --cron '30 2 * * *' --const env=test --dry-run",
                "bkops periodic create --template 101 --common --name health --cron '*/30 * * * *' -o id"})
@GlobalUse(dryRun = GlobalUse.DryRun.PREVIEW, formats = {OutputFormat.TABLE, OutputFormat.JSON, OutputFormat.YAML, OutputFormat.ID})
public final class PeriodicCreate implements Callable<Result> {
    @ParentCommand
    PeriodicCommand parent;

    @Option(names = "--template", required = true, paramLabel = "TEMPLATE", description = "Template id.")
    Ids.Template templateId;

    @Option(names = "--common", description = "The template is a common template.")
    boolean common;

    @Option(names = "--name", required = true, paramLabel = "NAME", description = "Name of the periodic task (at most 50 characters).")
    String name;

    @Option(names = "--cron", required = true, paramLabel = "EXPR", description = "Standard cron: minute hour day-of-month month day-of-week.")
    String cron;

    @Mixin
    TemplateInputs inputs;

    @Option(names = "--enable", description = "Enable the task after creating it (the API creates it disabled).")
    boolean enable;

    @Mixin
    Schedules.DayRule days;

    @Mixin
    ScheduleOptions schedule;

    @Option(names = "--zone", paramLabel = "ZONE",
            description = "Time zone for the --dry-run preview when no periodic task shows the project's yet (e.g. Asia/Shanghai).")
    String zone;


    @Override
    public Result call() {
        BkopsCommand root = parent.root;
        Output out = root.session().output();
        ChangeRunner runner = new ChangeRunner(root, false);
        OutputFormat f = runner.format();
        int length = name.codePointCount(0, name.length()); // the server counts characters, not UTF-16 units
        if (name.isBlank() || length > 50) {
            throw CliException.usage(Text.of("errors.cli.periodic.name-length", length));
        }
        int next = schedule.next();
        ZoneId given = zone == null ? null : Schedules.zone(zone);
        CronExpression c = days.meaning(cron);
        TemplateInputs consts = inputs.read(root.context());
        SopsApi sops = root.session().sops();
        Map<String, Object> body = SopsApi.periodicCreateBody(name, c.toApi(), common, constants(sops, consts),
                inputs.excludes());
        PeriodicChanges periodic = new PeriodicChanges(sops, root.context().sleeper());
        Change<PeriodicChanges.Created> create = periodic.create(templateId.value(), body);
        if (runner.dryRun()) {
            // the id create_periodic_task returns is not known yet
            Change<JsonNode> enabling = periodic.enable(null, true);
            return dryRun(c, body, given != null ? given : projectZone(sops, out), out, f,
                    enable ? List.of(create, enabling) : List.of(create), runner);
        }
        PeriodicChanges.Created made = runner.send(create);
        JsonNode created = made.info();
        PeriodicTask task = PeriodicTask.parse(created);
        String id = task.id();
        if (made.readBack()) {
            out.warn(out.style().text("notice.cli.periodic.read-back", id, name));
        }
        ZoneId z = Schedules.zone(ServerCron.parseOrNull(task.cron()), out);
        out.info(out.style().text("notice.cli.periodic.created", id, name, task.cron()));
        SchedulePreview.print(c, z, schedule.start(z), next, out.style(), out.err());
        if (enable) {
            JsonNode r = runner.send(periodic.enable(id, true));
            if (created instanceof ObjectNode o) {
                o.set("enabled", r.path("enabled"));
            }
            out.info(out.style().text("notice.cli.periodic.enabled", id));
        } else {
            out.info(out.style().text("notice.cli.periodic.not-enabled", id));
        }
        return Result.of(created).ids(List.of(id)).show((w, format, style) ->
                w.println(style.text(enable ? "notice.cli.periodic.created.enabled" : "notice.cli.periodic.created.disabled", id)));
    }

    /** Checked and typed against the template's constants exactly as 'task create' does (one TaskDraft for both). */
    private Map<String, Object> constants(SopsApi sops, TemplateInputs given) {
        if (given.isEmpty()) {
            return Map.of();
        }
        return given.applyTo(new TaskDraft(Template.parse(sops.templateInfo(templateId.value(), common, false)).pipeline()))
                .constants();
    }

    /** The schedule and the request; in json or yaml the requests alone on stdout and the schedule on stderr. */
    private Result dryRun(CronExpression c, Map<String, Object> body, ZoneId z, Output out, OutputFormat f,
                          List<Change<?>> changes, ChangeRunner runner) {
        ZonedDateTime start = schedule.start(z);
        if (f != OutputFormat.TABLE) {
            SchedulePreview.print(c, z, start, schedule.next(), out.style(), out.err());
            out.info(out.style().text("notice.cli.dry-run"));
        }
        return runner.preview(changes, (w, format, style) -> {
            SchedulePreview.print(c, z, start, schedule.next(), style, w);
            w.println();
            w.println("dry run: would POST create_periodic_task for template " + templateId + " with:");
            w.println(JsonOutput.pretty(Json.mapper().valueToTree(body)));
            if (enable) {
                w.println("then set_periodic_task_enabled {\"enabled\": true}");
            }
        });
    }

    /** The project's zone as the server writes it after a periodic task's cron; the local zone, said so, otherwise. */
    private static ZoneId projectZone(SopsApi sops, Output out) {
        for (JsonNode p : sops.periodicTaskList()) {
            ServerCron s = ServerCron.parseOrNull(PeriodicTask.parse(p).cron());
            if (s != null && s.zone() != null) {
                return s.zone();
            }
        }
        ZoneId local = ZoneId.systemDefault();
        out.warn(out.style().text("notice.cli.periodic.no-project-zone", local.getId()));
        return local;
    }
}
