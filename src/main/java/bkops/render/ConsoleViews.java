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
    public static void plugins(List<Plugin> plugins, boolean wide, PrintWriter out) {
        Table t = new Table().wide(wide).column("CODE").column("NAME", Table.Align.LEFT, 32, false).column("VERSION")
                .column("GROUP").wideColumn("INPUTS").wideColumn("OUTPUTS").column("DESCRIPTION", Table.Align.LEFT, 60, true);
        for (Plugin p : plugins) {
            t.row(p.code(), p.name(), p.version(), p.groupName(), String.valueOf(p.inputs()), String.valueOf(p.outputs()),
                    p.desc());
        }
        t.print(out);
    }

    /** get_clocked_task_list: plan start time as the server wrote it (its zone), the task it created once started. */
    public static void clocked(List<ClockedTask> tasks, boolean wide, Style style, PrintWriter out) {
        Table t = new Table().wide(wide).column("ID", Table.Align.RIGHT, 0, false).column("NAME", Table.Align.LEFT, 40, false)
                .column("TEMPLATE").column("PLAN START").column("STATE").column("TASK").column("CREATOR")
                .wideColumn("TEMPLATE NAME").wideColumn("CREATED");
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
        Table t = new Table().wide(wide).column("TASK", Table.Align.RIGHT, 0, false).column("NAME", Table.Align.LEFT, 40, false)
                .column("STATUS").column("CREATOR").column("CLAIMANT").column("CREATED").wideColumn("CLAIMED")
                .wideColumn("TICKET");
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
    public static void history(List<OperateRecord> records, Map<String, String> names, ZoneId zone, PrintWriter out) {
        Table t = new Table().column("TIME").column("OPERATOR").column("OPERATION").column("NODE", Table.Align.LEFT, 40, false)
                .column("SOURCE");
        for (OperateRecord r : records) {
            t.row(Times.readable(r.date(), zone), r.operator(), r.typeName().isEmpty() ? r.type() : r.typeName(),
                    r.onNode() ? names.getOrDefault(r.nodeId(), r.nodeId()) : "", r.sourceName().isEmpty() ? r.source() : r.sourceName());
        }
        t.print(out);
    }

    /** get_template_schemes: each scheme with the nodes a task made with it leaves out (null: its node list is unreadable). */
    public static void schemes(Map<Scheme, List<String>> leftOut, PrintWriter out) {
        Table t = new Table().column("ID").column("NAME", Table.Align.LEFT, 32, false).column("NODES")
                .column("LEAVES OUT", Table.Align.LEFT, 80, false);
        leftOut.forEach((s, names) -> t.row(s.id(), s.name(), s.readable() ? String.valueOf(s.nodeIds().size()) : "?",
                names == null ? "(its node list is not readable)" : names.isEmpty() ? "(nothing)" : String.join(", ", names)));
        t.print(out);
    }
}
