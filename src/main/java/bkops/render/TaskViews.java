package bkops.render;

import bkops.model.State;
import bkops.ops.TaskSnapshot;
import com.fasterxml.jackson.databind.JsonNode;

import java.io.PrintWriter;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Tasks for people, from the API's answers: one task's detail (get_task_detail), the list (get_task_list with the
 * states get_tasks_status gives), the states of several tasks, the counts (query_task_count), and the one-line
 * results of actions and waits.
 */
public final class TaskViews {
    private TaskViews() {}

    /** get_task_detail: state, times, creator and executor, then constants and outputs. */
    public static void detail(String task, JsonNode d, State state, boolean wide, Style style, PrintWriter w) {
        w.println(style.bold(style.text("render.task.title", task, text(d, "name"))));
        Table meta = new Table().headers(false).column("K").column("V");
        meta.row(style.text("render.label.state"), style.stateLabel(state));
        // get_task_detail has no template_source (bk-sops taskflow3/models.py get_task_detail): print what it gives
        meta.row(style.text("render.label.template"), text(d, "template_id") + (text(d, "template_source").isEmpty() ? ""
                : " (" + text(d, "template_source") + ")"));
        meta.row(style.text("render.label.project"), text(d, "project_name"));
        meta.row(style.text("render.label.created"), join(text(d, "creator"), text(d, "create_time"), text(d, "create_method")));
        meta.row(style.text("render.label.started"), join(text(d, "executor"), text(d, "start_time"), ""));
        meta.row(style.text("render.label.finished"), text(d, "finish_time"));
        meta.row(style.text("render.label.elapsed"), StatusTreeRenderer.formatDuration(d.path("elapsed_time").asLong(0)));
        if (!text(d, "task_url").isEmpty()) { // none on the embedded sandbox (cli Session#consoleLinks)
            meta.row(style.text("render.label.url"), text(d, "task_url"));
        }
        meta.print(w);
        w.println();
        w.println(style.bold(style.text("render.heading.constants")));
        Table c = new Table().fit(style.width()).wide(wide).column(style.text("render.column.key")).column(style.text("render.column.name"))
                .freeColumn(style.text("render.column.value"))
                .wideColumn(style.text("render.column.source"));
        d.path("constants").properties().forEach(e -> c.row(e.getKey(), text(e.getValue(), "name"),
                value(e.getValue().get("value")), text(e.getValue(), "source_type")));
        printOrNone(c, d.path("constants").size(), style, w);
        w.println();
        w.println(style.bold(style.text("render.heading.outputs")));
        Table o = new Table().fit(style.width()).column(style.text("render.column.key")).column(style.text("render.column.name"))
                .freeColumn(style.text("render.column.value"));
        d.path("outputs").forEach(x -> o.row(text(x, "key"), text(x, "name"), value(x.get("value"))));
        printOrNone(o, d.path("outputs").size(), style, w);
        w.flush();
    }

    /**
     * get_task_list's tasks; STATUS, STARTED and FINISHED from {@code states} (get_tasks_status items by id) where
     * the task is there. Nothing at all for no tasks.
     */
    public static void list(JsonNode tasks, Map<String, JsonNode> states, boolean wide, Style style, PrintWriter out) {
        Table t = new Table().fit(style.width()).wide(wide).column(style.text("render.column.id"), Table.Align.RIGHT, 0, false)
                .freeColumn(style.text("render.column.name"))
                .column(style.text("render.column.status")).column(style.text("render.column.executor"))
                .column(style.text("render.column.started")).column(style.text("render.column.finished"))
                .wideColumn(style.text("render.column.template")).wideColumn(style.text("render.column.created-by"))
                .wideColumn(style.text("render.column.method")).wideColumn(style.text("render.column.category"));
        ZoneId zone = ZoneId.systemDefault();
        for (JsonNode x : tasks) {
            JsonNode s = states.get(x.path("id").asText());
            // get_tasks_status formats times like the other APIs ("YYYY-MM-DD HH:MM:SS +ZZZZ", "" for none)
            String status = s == null ? "" : style.stateLabel(State.of(s.path("status").path("state").asText()));
            String started = s != null ? text(s, "start_time") : Times.readable(text(x, "start_time"), zone);
            String ended = s != null ? text(s, "finish_time") : Times.readable(text(x, "finish_time"), zone);
            t.row(x.path("id").asText(), text(x, "name"), status, text(x, "executor"), started, ended,
                    text(x, "template_id"), text(x, "creator"), text(x, "create_method"), text(x, "category"));
        }
        if (!tasks.isEmpty()) {
            t.print(out);
        }
    }

    /** The ids of get_task_list's (or get_tasks_status's) items, in their order. */
    public static List<String> ids(JsonNode tasks) {
        List<String> ids = new java.util.ArrayList<>();
        tasks.forEach(t -> ids.add(t.path("id").asText()));
        return ids;
    }

    /** get_tasks_status's items, a line each; nothing at all for none. */
    public static void states(JsonNode items, boolean wide, Style style, PrintWriter out) {
        Table table = new Table().fit(style.width()).wide(wide).column(style.text("render.column.id"), Table.Align.RIGHT, 0, false)
                .freeColumn(style.text("render.column.name"))
                .column(style.text("render.column.state")).column(style.text("render.column.started"))
                .column(style.text("render.column.finished")).wideColumn(style.text("render.column.flow"))
                .wideColumn(style.text("render.column.url"));
        items.forEach(t -> table.row(t.path("id").asText(), t.path("name").asText(""),
                style.stateLabel(State.of(t.path("status").path("state").asText())), text(t, "start_time"),
                text(t, "finish_time"), text(t, "current_flow"), text(t, "url")));
        if (!items.isEmpty()) {
            table.print(out);
        }
    }

    /** query_task_count's groups ({total, groups[{code, name, value}]}) under the field they are grouped by. */
    public static void count(String groupBy, JsonNode data, Style style, PrintWriter out) {
        // the field grouped by is the API's word (group_by), as typed on the command line
        Table t = new Table().column(groupBy.toUpperCase(Locale.ROOT)).column(style.text("render.column.name"))
                .column(style.text("render.column.tasks"), Table.Align.RIGHT, 0, false);
        data.path("groups").forEach(g -> t.row(g.path("code").asText(), g.path("name").asText(), g.path("value").asText()));
        t.row("", style.text("render.task.count.total"), data.path("total").asText());
        t.print(out);
    }

    /** A task just created: "created task 12  URL", or without a URL (the embedded sandbox: cli Session#consoleLinks). */
    public static String created(bkops.model.CreatedTask task, Style style) {
        if (task.url().isEmpty()) {
            return style.text("render.task.created.no-url", task.id());
        }
        return style.text("render.task.created", task.id(), TerminalText.line(task.url()));
    }

    /** A wait's end for one task: "12  ✔ FINISHED  name", or "12  not found". */
    public static String waitLine(String id, TaskSnapshot s, Style style) {
        if (s == null || s.status() == null) {
            return id + "  " + style.text("render.task.not-found");
        }
        return id + "  " + style.stateLabel(s.status().state()) + "  " + TerminalText.line(s.name());
    }

    /** An action that went through: "12  started", and what was read back when its reply was lost. */
    public static String actionLine(String id, String action, State readBack, Style style) {
        return id + "  " + past(action, style)
                + (readBack != null ? style.text("render.task.read-back", readBack) : "");
    }

    /** start, pause, resume, revoke as done. */
    public static String past(String action, Style style) {
        return switch (action) {
            case "start" -> style.text("render.task.started");
            case "pause" -> style.text("render.task.paused");
            case "resume" -> style.text("render.task.resumed");
            default -> style.text("render.task.revoked");
        };
    }

    private static void printOrNone(Table t, int rows, Style style, PrintWriter w) {
        if (rows == 0) {
            w.println("  " + style.text("render.none"));
        } else {
            t.print(w);
        }
    }

    private static String value(JsonNode v) {
        return v == null || v.isNull() ? "" : v.isTextual() ? v.asText().replace("\n", "\\n") : v.toString();
    }

    private static String join(String who, String when, String how) {
        String s = who.isEmpty() ? when : when.isEmpty() ? who : who + "  " + when;
        return how.isEmpty() ? s : s + "  (" + how + ")";
    }

    private static String text(JsonNode n, String field) {
        JsonNode v = n.get(field);
        return v == null || v.isNull() ? "" : v.asText();
    }

    /**
     * What a task would run (preview_task_tree), as lines for stderr beside the dry run's request on stdout: the
     * pipeline left once the excluded nodes are cut, then the template's constants nothing left refers to, which the
     * task will not have.
     */
    public static List<String> preview(bkops.model.TaskPreview preview, Style style) {
        java.io.StringWriter text = new java.io.StringWriter();
        PrintWriter w = new PrintWriter(text);
        w.println(style.text("render.preview.would-run"));
        new PipelineRenderer(Style.of(false, style.messages()), false).render(preview.tree(), w);
        if (!preview.constantsNotReferred().isEmpty()) {
            w.println(style.text("render.preview.not-referred", String.join(", ",
                    preview.constantsNotReferred().stream().map(c -> c.key() + (c.name().isEmpty() ? "" : " ("
                            + TerminalText.line(c.name()) + ")")).toList())));
        }
        w.flush();
        return text.toString().lines().toList();
    }
}
