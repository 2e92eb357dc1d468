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
        w.println(style.bold("Task " + task + "  " + text(d, "name")));
        Table meta = new Table().headers(false).column("K").column("V");
        meta.row("State", style.stateLabel(state));
        // get_task_detail has no template_source (bk-sops taskflow3/models.py get_task_detail): print what it gives
        meta.row("Template", text(d, "template_id") + (text(d, "template_source").isEmpty() ? ""
                : " (" + text(d, "template_source") + ")"));
        meta.row("Project", text(d, "project_name"));
        meta.row("Created", join(text(d, "creator"), text(d, "create_time"), text(d, "create_method")));
        meta.row("Started", join(text(d, "executor"), text(d, "start_time"), ""));
        meta.row("Finished", text(d, "finish_time"));
        meta.row("Elapsed", StatusTreeRenderer.formatDuration(d.path("elapsed_time").asLong(0)));
        meta.row("URL", text(d, "task_url"));
        meta.print(w);
        w.println();
        w.println(style.bold("Constants"));
        Table c = new Table().wide(wide).column("KEY").column("NAME")
                .column("VALUE", Table.Align.LEFT, wide ? 0 : 60, false).wideColumn("SOURCE");
        d.path("constants").properties().forEach(e -> c.row(e.getKey(), text(e.getValue(), "name"),
                value(e.getValue().get("value")), text(e.getValue(), "source_type")));
        printOrNone(c, d.path("constants").size(), w);
        w.println();
        w.println(style.bold("Outputs"));
        Table o = new Table().column("KEY").column("NAME").column("VALUE", Table.Align.LEFT, wide ? 0 : 60, false);
        d.path("outputs").forEach(x -> o.row(text(x, "key"), text(x, "name"), value(x.get("value"))));
        printOrNone(o, d.path("outputs").size(), w);
        w.flush();
    }

    /**
     * get_task_list's tasks; STATUS, STARTED and FINISHED from {@code states} (get_tasks_status items by id) where
     * the task is there. Nothing at all for no tasks.
     */
    public static void list(JsonNode tasks, Map<String, JsonNode> states, boolean wide, Style style, PrintWriter out) {
        Table t = new Table().wide(wide).column("ID", Table.Align.RIGHT, 0, false).column("NAME", Table.Align.LEFT, 48, false)
                .column("STATUS").column("EXECUTOR").column("STARTED").column("FINISHED").wideColumn("TEMPLATE")
                .wideColumn("CREATED BY").wideColumn("METHOD").wideColumn("CATEGORY");
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
        Table table = new Table().wide(wide).column("ID", Table.Align.RIGHT, 0, false)
                .column("NAME", Table.Align.LEFT, 48, false).column("STATE").column("STARTED")
                .column("FINISHED").wideColumn("FLOW").wideColumn("URL");
        items.forEach(t -> table.row(t.path("id").asText(), t.path("name").asText(""),
                style.stateLabel(State.of(t.path("status").path("state").asText())), text(t, "start_time"),
                text(t, "finish_time"), text(t, "current_flow"), text(t, "url")));
        if (!items.isEmpty()) {
            table.print(out);
        }
    }

    /** query_task_count's groups ({total, groups[{code, name, value}]}) under the field they are grouped by. */
    public static void count(String groupBy, JsonNode data, PrintWriter out) {
        Table t = new Table().column(groupBy.toUpperCase(Locale.ROOT)).column("NAME")
                .column("TASKS", Table.Align.RIGHT, 0, false);
        data.path("groups").forEach(g -> t.row(g.path("code").asText(), g.path("name").asText(), g.path("value").asText()));
        t.row("", "total", data.path("total").asText());
        t.print(out);
    }

    /** A task just created: "created task 12  URL". */
    public static String created(bkops.model.CreatedTask task) {
        return "created task " + task.id() + "  " + TerminalText.line(task.url());
    }

    /** A wait's end for one task: "12  ✔ FINISHED  name", or "12  not found". */
    public static String waitLine(String id, TaskSnapshot s, Style style) {
        if (s == null || s.status() == null) {
            return id + "  not found";
        }
        return id + "  " + style.stateLabel(s.status().state()) + "  " + TerminalText.line(s.name());
    }

    /** An action that went through: "12  started", and what was read back when its reply was lost. */
    public static String actionLine(String id, String action, State readBack) {
        return id + "  " + past(action) + (readBack != null ? " (the reply was lost; read back: " + readBack + ")" : "");
    }

    /** start, pause, resume, revoke as done. */
    public static String past(String action) {
        return switch (action) {
            case "start" -> "started";
            case "pause" -> "paused";
            case "resume" -> "resumed";
            default -> "revoked";
        };
    }

    private static void printOrNone(Table t, int rows, PrintWriter w) {
        if (rows == 0) {
            w.println("  (none)");
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
    public static List<String> preview(bkops.model.TaskPreview preview) {
        java.io.StringWriter text = new java.io.StringWriter();
        PrintWriter w = new PrintWriter(text);
        w.println("the task would run:");
        new PipelineRenderer(Style.PLAIN, false).render(preview.tree(), w);
        if (!preview.constantsNotReferred().isEmpty()) {
            w.println("constants no longer referred (left out of the task): " + String.join(", ",
                    preview.constantsNotReferred().stream().map(c -> c.key() + (c.name().isEmpty() ? "" : " ("
                            + TerminalText.line(c.name()) + ")")).toList()));
        }
        w.flush();
        return text.toString().lines().toList();
    }
}
