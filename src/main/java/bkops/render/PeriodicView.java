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
        Table t = new Table().fit(style.width()).wide(wide).column(style.text("render.column.id"), Table.Align.RIGHT, 0, false)
                .freeColumn(style.text("render.column.name"))
                .column(style.text("render.column.enabled")).column(style.text("render.column.schedule"))
                .column(style.text("render.column.runs"), Table.Align.RIGHT, 0, false)
                .column(style.text("render.column.last-run")).wideColumn(style.text("render.column.template"))
                .wideColumn(style.text("render.column.creator")).wideColumn(style.text("render.column.meaning"))
                .wideColumn(style.text("render.column.server-cron"));
        for (JsonNode p : data) {
            String raw = p.path("cron").asText();
            ServerCron c = ServerCron.parseOrNull(raw);
            t.row(p.path("id").asText(), p.path("name").asText(), style.text(p.path("enabled").asBoolean() ? "render.yes" : "render.no"),
                    c == null ? raw : c.display(), p.path("total_run_count").asText(), lastRun(p),
                    p.path("template_id").asText() + ("common".equals(p.path("template_source").asText())
                            ? " " + style.text("render.periodic.common") : ""),
                    p.path("creator").asText(), c == null ? "" : CronWords.describe(c.cron(), style.messages()), raw);
        }
        t.print(out);
    }

    /** The task, then its schedule with the next {@code next} runs counted from {@code from} (given the zone). */
    public void show(JsonNode p, Function<ZoneId, ZonedDateTime> from, int next, PrintWriter out) {
        out.println(style.bold(style.text("render.periodic.title", p.path("id").asText(), p.path("name").asText())));
        String raw = p.path("cron").asText();
        ServerCron cron = ServerCron.parseOrNull(raw);
        boolean enabled = p.path("enabled").asBoolean();
        Table meta = new Table().headers(false).column("K").column("V");
        meta.row(style.text("render.label.template"), p.path("template_id").asText() + (p.has("template_source") ? " (" + p.path("template_source").asText() + ")" : ""));
        meta.row(style.text("render.periodic.enabled"), enabled ? style.green(style.text("render.yes"))
                : style.yellow(style.text("render.no")));
        meta.row(style.text("render.periodic.runs"), lastRun(p).isEmpty()
                ? style.text("render.periodic.never-run", p.path("total_run_count").asText())
                : style.text("render.periodic.last-run", p.path("total_run_count").asText(), lastRun(p)));
        meta.row(style.text("render.periodic.creator"), p.path("creator").asText());
        if (cron == null) {
            meta.row(style.text("render.schedule.title"), raw + "  " + style.text("render.periodic.unreadable"));
        }
        meta.print(out);
        if (cron != null) {
            out.println();
            ZoneId zone = cron.zone() == null ? ZoneId.systemDefault() : cron.zone();
            SchedulePreview.print(cron.cron(), zone, from.apply(zone), next, style, out);
            if (cron.zone() == null) {
                out.println("  " + style.dim(style.text("render.periodic.no-zone")));
            }
            if (!enabled && next > 0) {
                out.println("  " + style.dim(style.text("render.periodic.disabled")));
            }
        }
        JsonNode tree = p.get("pipeline_tree");
        if (tree != null && tree.isObject()) {
            PipelineTree pipeline = PipelineTree.parse(tree);
            constants(pipeline, out);
            out.println();
            out.println(style.bold(style.text("render.heading.pipeline")));
            new PipelineRenderer(style, wide).render(pipeline, out);
        }
        out.flush();
    }

    private void constants(PipelineTree pipeline, PrintWriter out) {
        List<Constant> constants = pipeline.constants().values().stream().sorted(Comparator.comparingInt(Constant::index)).toList();
        out.println();
        out.println(style.bold(style.text("render.periodic.constants")));
        if (constants.isEmpty()) {
            out.println("  " + style.text("render.none"));
            return;
        }
        Table c = new Table().fit(style.width()).wide(wide).column(style.text("render.column.key")).column(style.text("render.column.name"))
                .freeColumn(style.text("render.column.value"))
                .column(style.text("render.column.shown"));
        for (Constant k : constants) {
            c.row(k.key(), k.name(), value(k.value()), style.text(k.shown() ? "render.yes" : "render.hidden"));
        }
        c.print(out);
    }

    /**
     * A change of constants: KEY OLD → NEW, NEW as the server has it after the change ({@code after}, the constants
     * it returns), or as it would be sent ({@code after} null: a dry run).
     */
    public static Table constantsChange(Map<String, Object> changes, JsonNode before, JsonNode after, Style style) {
        Table t = new Table().fit(style.width()).column(style.text("render.column.key"))
                .freeColumn(style.text("render.column.old")).column("")
                .freeColumn(style.text("render.column.new"));
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
