package bkops.cli.periodic;

import bkops.cli.BkopsCommand;
import bkops.cli.Output;
import bkops.cli.OutputFormat;
import bkops.cron.ServerCron;
import bkops.model.Constant;
import bkops.model.PipelineTree;
import bkops.render.PipelineRenderer;
import bkops.render.Style;
import bkops.render.Table;
import com.fasterxml.jackson.databind.JsonNode;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

import java.io.PrintWriter;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Callable;

@Command(name = "show",
        header = "Show a periodic task: schedule, next runs, state, the constants it will use and its pipeline.",
        description = {"The schedule is shown in standard cron order with the project's time zone (taken from the "
                + "server's cron string), in words, and with its next runs in that zone, daylight saving marked.",
                "-o wide adds node ids to the pipeline; -o json prints the API's data."},
        footerHeading = "%nExamples:%n",
        footer = {"bkops periodic show 3", "bkops periodic show 3 --next 10", "bkops periodic show 3 -o json"})
public final class PeriodicShow implements Callable<Integer> {
    @ParentCommand
    PeriodicCommand parent;

    @Parameters(paramLabel = "PERIODIC", description = "Periodic task id.")
    String id;

    @Option(names = "--next", paramLabel = "N", defaultValue = "5", description = "How many next runs to show (default ${DEFAULT-VALUE}).")
    int next;

    @Option(names = "--from", paramLabel = "DATETIME", converter = From.Converter.class,
            description = "Count the next runs from this time instead of now (e.g. 2026-12-01T00:00, read in the project's zone).")
    From from;

    @Override
    public Integer call() {
        BkopsCommand root = parent.root;
        Output out = root.session().output();
        OutputFormat f = out.format(OutputFormat.TABLE, OutputFormat.TABLE, OutputFormat.WIDE, OutputFormat.JSON, OutputFormat.YAML);
        Schedules.checkId(id);
        Schedules.checkNext(next);
        JsonNode data = root.session().sops().periodicTaskInfo(id);
        if (f == OutputFormat.JSON || f == OutputFormat.YAML) {
            out.print(data, f);
            return 0;
        }
        render(data, out, f == OutputFormat.WIDE);
        return 0;
    }

    private void render(JsonNode p, Output output, boolean wide) {
        Style style = output.style();
        PrintWriter out = output.out();
        out.println(style.bold("Periodic task " + p.path("id").asText() + "  " + p.path("name").asText()));
        String raw = p.path("cron").asText();
        ServerCron cron = Schedules.server(raw);
        boolean enabled = p.path("enabled").asBoolean();
        Table meta = new Table().headers(false).column("K").column("V");
        meta.row("Template", p.path("template_id").asText() + " (" + p.path("template_source").asText("project") + ")");
        meta.row("Enabled", enabled ? style.green("yes") : style.yellow("no"));
        meta.row("Runs", p.path("total_run_count").asText() + (p.path("last_run_at").isTextual()
                ? ", last " + p.path("last_run_at").asText() : ", never run"));
        meta.row("Creator", p.path("creator").asText());
        if (cron == null) {
            meta.row("Schedule", raw + "  (not a cron bkops can read)");
        }
        meta.print(out);
        if (cron != null) {
            out.println();
            ZoneId zone = Schedules.zone(cron, output);
            ZonedDateTime start = From.in(from, zone);
            Schedules.preview(cron.cron(), zone, start, next, style, out);
            if (!enabled && next > 0) {
                out.println("  " + style.dim("(disabled: these are the runs it would make once enabled)"));
            }
            String warning = Schedules.eitherDayWarning(cron.cron());
            if (warning != null) {
                out.println("  " + style.yellow("note: " + warning));
            }
        }
        JsonNode tree = p.get("pipeline_tree");
        if (tree == null || !tree.isObject()) {
            out.flush();
            return;
        }
        PipelineTree pipeline = PipelineTree.parse(tree);
        List<Constant> constants = pipeline.constants().values().stream().sorted(Comparator.comparingInt(Constant::index)).toList();
        out.println();
        out.println(style.bold("Constants it will use"));
        if (constants.isEmpty()) {
            out.println("  (none)");
        } else {
            Table c = new Table().wide(wide).column("KEY").column("NAME").column("VALUE", Table.Align.LEFT, wide ? 0 : 40, false)
                    .column("SHOWN");
            for (Constant k : constants) {
                c.row(k.key(), k.name(), Values.text(k.value()), k.shown() ? "yes" : "hidden");
            }
            c.print(out);
        }
        out.println();
        out.println(style.bold("Pipeline"));
        new PipelineRenderer(style, wide).render(pipeline, out);
        out.flush();
    }
}
