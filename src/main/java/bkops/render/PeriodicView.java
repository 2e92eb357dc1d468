package bkops.render;

import bkops.cron.CronWords;
import bkops.cron.ServerCron;
import bkops.model.Constant;
import bkops.model.PipelineTree;
import com.fasterxml.jackson.databind.JsonNode;

import java.io.PrintWriter;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** Periodic tasks for people: the list as a table, one task as its state, schedule, constants and pipeline. */
public final class PeriodicView {
    private final Style style;
    private final boolean wide;

    public PeriodicView(Style style, boolean wide) {
        this.style = style;
        this.wide = wide;
    }

    public void list(JsonNode data, PrintWriter out) {
        Table t = new Table().wide(wide).column("ID", Table.Align.RIGHT, 0, false).column("NAME", Table.Align.LEFT, 40, false)
                .column("ENABLED").column("SCHEDULE").column("RUNS", Table.Align.RIGHT, 0, false).column("LAST RUN")
                .wideColumn("TEMPLATE").wideColumn("CREATOR").wideColumn("MEANING").wideColumn("SERVER CRON");
        for (JsonNode p : data) {
            String raw = p.path("cron").asText();
            ServerCron c = ServerCron.parseOrNull(raw);
            t.row(p.path("id").asText(), p.path("name").asText(), p.path("enabled").asBoolean() ? "yes" : "no",
                    c == null ? raw : c.display(), p.path("total_run_count").asText(), lastRun(p),
                    p.path("template_id").asText() + ("common".equals(p.path("template_source").asText()) ? " (common)" : ""),
                    p.path("creator").asText(), c == null ? "" : CronWords.describe(c.cron()), raw);
        }
        t.print(out);
    }

    /** The task, then its schedule with the next {@code next} runs counted from {@code from} (given the zone). */
    public void show(JsonNode p, Function<ZoneId, ZonedDateTime> from, int next, PrintWriter out) {
        out.println(style.bold("Periodic task " + p.path("id").asText() + "  " + p.path("name").asText()));
        String raw = p.path("cron").asText();
        ServerCron cron = ServerCron.parseOrNull(raw);
        boolean enabled = p.path("enabled").asBoolean();
        Table meta = new Table().headers(false).column("K").column("V");
        meta.row("Template", p.path("template_id").asText() + (p.has("template_source") ? " (" + p.path("template_source").asText() + ")" : ""));
        meta.row("Enabled", enabled ? style.green("yes") : style.yellow("no"));
        meta.row("Runs", p.path("total_run_count").asText() + (lastRun(p).isEmpty() ? ", never run" : ", last " + lastRun(p)));
        meta.row("Creator", p.path("creator").asText());
        if (cron == null) {
            meta.row("Schedule", raw + "  (not a cron bkops can read)");
        }
        meta.print(out);
        if (cron != null) {
            out.println();
            ZoneId zone = cron.zone() == null ? ZoneId.systemDefault() : cron.zone();
            SchedulePreview.print(cron.cron(), zone, from.apply(zone), next, style, out);
            if (cron.zone() == null) {
                out.println("  " + style.dim("(the server's cron names no time zone: times are in this machine's)"));
            }
            if (!enabled && next > 0) {
                out.println("  " + style.dim("(disabled: these are the runs it would make once enabled)"));
            }
        }
        JsonNode tree = p.get("pipeline_tree");
        if (tree != null && tree.isObject()) {
            PipelineTree pipeline = PipelineTree.parse(tree);
            constants(pipeline, out);
            out.println();
            out.println(style.bold("Pipeline"));
            new PipelineRenderer(style, wide).render(pipeline, out);
        }
        out.flush();
    }

    private void constants(PipelineTree pipeline, PrintWriter out) {
        List<Constant> constants = pipeline.constants().values().stream().sorted(Comparator.comparingInt(Constant::index)).toList();
        out.println();
        out.println(style.bold("Constants it will use"));
        if (constants.isEmpty()) {
            out.println("  (none)");
            return;
        }
        Table c = new Table().wide(wide).column("KEY").column("NAME").column("VALUE", Table.Align.LEFT, wide ? 0 : 40, false)
                .column("SHOWN");
        for (Constant k : constants) {
            c.row(k.key(), k.name(), value(k.value()), k.shown() ? "yes" : "hidden");
        }
        c.print(out);
    }

    /**
     * A change of constants: KEY OLD → NEW, NEW as the server has it after the change ({@code after}, the constants
     * it returns), or as it would be sent ({@code after} null: a dry run).
     */
    public static Table constantsChange(Map<String, Object> changes, JsonNode before, JsonNode after) {
        Table t = new Table().column("KEY").column("OLD", Table.Align.LEFT, 40, false).column("").column("NEW", Table.Align.LEFT, 40, false);
        changes.forEach((k, v) -> t.row(k, value(before.path(k).path("value")), "→",
                after == null ? String.valueOf(v) : value(constantValue(after.path(k)))));
        return t;
    }

    /** The returned dict holds constant objects; a bare value is taken as it is. */
    private static JsonNode constantValue(JsonNode constant) {
        return constant.isObject() && constant.has("value") ? constant.get("value") : constant;
    }

    /** A constant's value on one table line. */
    private static String value(JsonNode v) {
        if (v == null || v.isNull() || v.isMissingNode()) {
            return "";
        }
        return (v.isTextual() ? v.asText() : v.toString()).replace("\n", "\\n");
    }

    /** last_run_at is null in some versions and "" in others when the task never ran. */
    private static String lastRun(JsonNode p) {
        JsonNode v = p.path("last_run_at");
        return v.isTextual() ? v.asText() : "";
    }
}
