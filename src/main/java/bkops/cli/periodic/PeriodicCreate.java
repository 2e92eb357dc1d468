package bkops.cli.periodic;

import bkops.api.Json;
import bkops.api.SopsApi;
import bkops.cli.BkopsCommand;
import bkops.cli.ChangeRunner;
import bkops.cli.CliException;
import bkops.cli.ConstantArgs;
import bkops.cli.DryRun;
import bkops.cli.GlobalUse;
import bkops.cli.Output;
import bkops.cli.OutputFormat;
import bkops.cli.Result;
import bkops.cron.CronExpression;
import bkops.cron.ServerCron;
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
    String template;

    @Option(names = "--common", description = "The template is a common template.")
    boolean common;

    @Option(names = "--name", required = true, paramLabel = "NAME", description = "Name of the periodic task (at most 50 characters).")
    String name;

    @Option(names = "--cron", required = true, paramLabel = "EXPR", description = "Standard cron: minute hour day-of-month month day-of-week.")
    String cron;

    @Option(names = "--const", paramLabel = "K=V", description = "A constant's value (key with or without the $${...} wrapper); "
            + "repeatable. Keys and values are checked against the template as 'task create' does.")
    List<String> constants;

    @Option(names = "--const-file", paramLabel = "FILE|-",
            description = "A JSON object of constants (read from stdin with '-'); --const wins over it.")
    String constFile;

    @Option(names = "--exclude", paramLabel = "NODE", split = ",", description = "Leave out this optional node; repeatable.")
    List<String> exclude;

    @Option(names = "--enable", description = "Enable the task after creating it (the API creates it disabled).")
    boolean enable;

    @Option(names = "--both-days", description = "Accept that the server runs an expression restricting both day-of-month "
            + "and day-of-week only on days matching BOTH (standard cron: either); refused without it.")
    boolean bothDays;

    @Option(names = "--next", paramLabel = "N", defaultValue = "5", description = "How many next runs to show (default ${DEFAULT-VALUE}).")
    int next;

    @Option(names = "--zone", paramLabel = "ZONE",
            description = "Time zone for the --dry-run preview when no periodic task shows the project's yet (e.g. Asia/Shanghai).")
    String zone;

    @Option(names = "--from", paramLabel = "DATETIME", converter = From.Converter.class,
            description = "Count the next runs from this time instead of now (e.g. 2026-12-01T00:00, read in the project's zone).")
    From from;

    @Override
    public Result call() {
        BkopsCommand root = parent.root;
        Output out = root.session().output();
        ChangeRunner runner = new ChangeRunner(root, false);
        OutputFormat f = runner.format();
        if (!template.matches("\\d+")) {
            throw CliException.usage("template id must be a number, got '" + template + "' (see 'bkops template list')");
        }
        int length = name.codePointCount(0, name.length()); // the server counts characters, not UTF-16 units
        if (name.isBlank() || length > 50) {
            throw CliException.usage("--name must be 1 to 50 characters, got " + length);
        }
        Schedules.checkNext(next);
        ZoneId given = zone == null ? null : Schedules.zone(zone);
        CronExpression c = Schedules.serverMeaning(Schedules.parse(cron), bothDays);
        ConstantArgs consts = ConstantArgs.read(root.context(), constFile, constants, "--const");
        SopsApi sops = root.session().sops();
        Map<String, Object> body = SopsApi.periodicCreateBody(name, c.toApi(), common, constants(sops, consts),
                exclude == null ? List.of() : exclude);
        PeriodicChanges periodic = new PeriodicChanges(sops, root.context().sleeper()::sleep);
        Change<PeriodicChanges.Created> create = periodic.create(template, body);
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
            out.warn("the reply was lost, but periodic task " + id + " '" + name + "' exists: it was created; not sent again");
        }
        ZoneId z = Schedules.zone(ServerCron.parseOrNull(task.cron()), out);
        out.info("created periodic task " + id + " '" + name + "' (disabled, as the API creates them); server cron: "
                + task.cron());
        SchedulePreview.print(c, z, From.in(from, z), next, out.style(), out.err());
        if (enable) {
            JsonNode r = runner.send(periodic.enable(id, true));
            if (created instanceof ObjectNode o) {
                o.set("enabled", r.path("enabled"));
            }
            out.info("enabled periodic task " + id);
        } else {
            out.info("it will not run until enabled: bkops periodic enable " + id);
        }
        return Result.of(created).ids(List.of(id)).show((w, format, style) ->
                w.println("periodic task " + id + " created" + (enable ? " and enabled" : " (disabled)")));
    }

    /** Checked and typed against the template's constants exactly as 'task create' does (one TaskDraft for both). */
    private Map<String, Object> constants(SopsApi sops, ConstantArgs given) {
        if (given.isEmpty()) {
            return Map.of();
        }
        return given.applyTo(new TaskDraft(Template.parse(sops.templateInfo(template, common, false)).pipeline()))
                .constants();
    }

    /** The schedule and the request; in json or yaml the requests alone on stdout and the schedule on stderr. */
    private Result dryRun(CronExpression c, Map<String, Object> body, ZoneId z, Output out, OutputFormat f,
                          List<Change<?>> changes, ChangeRunner runner) {
        ZonedDateTime start = From.in(from, z);
        if (f != OutputFormat.TABLE) {
            SchedulePreview.print(c, z, start, next, out.style(), out.err());
            out.info("dry run: nothing was sent");
        }
        return runner.preview(changes, (w, format, style) -> {
            SchedulePreview.print(c, z, start, next, style, w);
            w.println();
            w.println("dry run: would POST create_periodic_task for template " + template + " with:");
            w.println(JsonOutput.pretty(Json.mapper().valueToTree(body)));
            if (enable) {
                w.println("then set_periodic_task_enabled {\"enabled\": true}");
            }
        });
    }

    /** The project's zone as the server writes it after a periodic task's cron; the local zone, said so, otherwise. */
    private static ZoneId projectZone(SopsApi sops, Output out) {
        for (JsonNode p : sops.periodicTaskList()) {
            ServerCron s = ServerCron.parseOrNull(p.path("cron").asText());
            if (s != null && s.zone() != null) {
                return s.zone();
            }
        }
        ZoneId local = ZoneId.systemDefault();
        out.warn("no periodic task shows the project's time zone yet; times below are in " + local.getId()
                + " (give --zone to choose)");
        return local;
    }
}
