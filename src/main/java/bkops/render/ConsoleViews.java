package bkops.render;

import bkops.model.ClockedTask;
import bkops.model.FunctionTask;
import bkops.model.OperateRecord;
import bkops.model.Plugin;
import bkops.model.Scheme;

import java.io.PrintWriter;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

/** The lists of the operator's console (issue 15): plugins, clocked tasks, functional tasks. */
public final class ConsoleViews {
    private ConsoleViews() {}

    /** get_plugin_list: a row per plugin version. */
    public static void plugins(List<Plugin> plugins, boolean wide, Style style, PrintWriter out) {
        Table t = new Table().fit(style.width()).wide(wide).column(style.text("render.column.code"))
                .freeColumn(style.text("render.column.name"))
                .column(style.text("render.column.version")).column(style.text("render.column.group"))
                .wideColumn(style.text("render.column.inputs")).wideColumn(style.text("render.column.outputs"))
                .wideColumn(style.text("render.column.description"));
        for (Plugin p : plugins) {
            t.row(p.code(), p.name(), p.version(), p.groupName(), String.valueOf(p.inputs()), String.valueOf(p.outputs()),
                    p.desc());
        }
        t.print(out);
    }

    /** get_clocked_task_list: plan start time as the server wrote it (its zone), the task it created once started. */
    public static void clocked(List<ClockedTask> tasks, boolean wide, Style style, PrintWriter out) {
        Table t = new Table().fit(style.width()).wide(wide).column(style.text("render.column.id"), Table.Align.RIGHT, 0, false)
                .freeColumn(style.text("render.column.name"))
                .column(style.text("render.column.template")).column(style.text("render.column.plan-start"))
                .column(style.text("render.column.state")).column(style.text("render.column.task"))
                .column(style.text("render.column.creator")).wideColumn(style.text("render.column.template-name"))
                .wideColumn(style.text("render.column.created"));
        for (ClockedTask c : tasks) {
            t.row(String.valueOf(c.id()), c.taskName(), String.valueOf(c.templateId()), c.planStartTime(),
                    clockedState(c.state(), style), c.taskId() == null ? "" : String.valueOf(c.taskId()), c.creator(),
                    c.templateName(), c.createTime());
        }
        t.print(out);
    }

    private static String clockedState(String state, Style style) {
        return switch (state) {
            case "started" -> style.green(state);
            case "start_failed" -> style.red(state);
            default -> state;
        };
    }

    /**
     * get_functionalization_task_list: the task's id first (what every other command takes), then the ticket's status
     * and who claimed it. Times come as ISO instants: shown in {@code zone} like the other APIs' times.
     */
    public static void functionTasks(List<FunctionTask> tasks, boolean wide, Style style, ZoneId zone, PrintWriter out) {
        Table t = new Table().fit(style.width()).wide(wide).column(style.text("render.column.task"), Table.Align.RIGHT, 0, false)
                .freeColumn(style.text("render.column.name"))
                .column(style.text("render.column.status")).column(style.text("render.column.creator"))
                .column(style.text("render.column.claimant")).column(style.text("render.column.created"))
                .wideColumn(style.text("render.column.claimed")).wideColumn(style.text("render.column.ticket"));
        for (FunctionTask f : tasks) {
            t.row(String.valueOf(f.taskId()), f.name(), f.waiting() ? style.yellow(f.status()) : f.status(), f.creator(),
                    f.claimant(), Times.readable(f.createTime(), zone), Times.readable(f.claimTime(), zone),
                    String.valueOf(f.id()));
        }
        t.print(out);
    }

    /**
     * get_task_operate_record, oldest first as the server orders them: when (shown in {@code zone}), who, what, on which
     * node ({@code names}: node id to its path in the task; "" for the task itself), and through what.
     */
    public static void history(List<OperateRecord> records, Map<String, String> names, ZoneId zone, Style style,
                               PrintWriter out) {
        Table t = new Table().fit(style.width()).column(style.text("render.column.time")).column(style.text("render.column.operator"))
                .column(style.text("render.column.operation"))
                .freeColumn(style.text("render.column.node"))
                .column(style.text("render.column.source"));
        for (OperateRecord r : records) {
            t.row(Times.readable(r.date(), zone), r.operator(), r.typeName().isEmpty() ? r.type() : r.typeName(),
                    r.onNode() ? names.getOrDefault(r.nodeId(), r.nodeId()) : "", r.sourceName().isEmpty() ? r.source() : r.sourceName());
        }
        t.print(out);
    }

    /** get_template_schemes: each scheme with the nodes a task made with it leaves out (null: its node list is unreadable). */
    public static void schemes(Map<Scheme, List<String>> leftOut, Style style, PrintWriter out) {
        Table t = new Table().fit(style.width()).column(style.text("render.column.id"))
                .freeColumn(style.text("render.column.name"))
                .column(style.text("render.column.nodes")).freeColumn(style.text("render.column.leaves-out"));
        leftOut.forEach((s, names) -> t.row(s.id(), s.name(), s.readable() ? String.valueOf(s.nodeIds().size()) : "?",
                names == null ? style.text("render.scheme.unreadable") : names.isEmpty() ? style.text("render.scheme.nothing")
                        : String.join(", ", names)));
        t.print(out);
    }
}
