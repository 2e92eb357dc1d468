package bkops.render;

import bkops.model.PipelineTree;
import bkops.model.State;
import bkops.model.TaskStatus;
import bkops.model.TaskStatus.NodeState;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Map;

/**
 * A task's pipeline tree merged with its status, argo-get style: a tree column, then STATE (icon and word, readable
 * without colour), DURATION, RETRY and MESSAGE (first line of a failed node's error). Nodes not reached are PENDING;
 * branches a finished gateway did not take say "not taken" and their nodes are dimmed. {@code wide} adds node ids.
 */
public final class StatusTreeRenderer {


    private final Style style;
    private final boolean wide;

    public StatusTreeRenderer(Style style, boolean wide) {
        this.style = style;
        this.wide = wide;
    }

    /**
     * @param taskName shown in the summary line; null falls back to the status root's name
     * @param errors   node id → error text from the caller (e.g. node details); used before the status's ex_data
     */
    public void render(String taskName, PipelineTree tree, TaskStatus status, Map<String, String> errors,
                       PrintWriter out) {
        out.println(summary(taskName, status));
        table(tree, status, errors, null, out);
    }

    /** The table of the tree's lines; with {@code only}, just the rows of those nodes (a summary, FittedStatusTree). */
    void table(PipelineTree tree, TaskStatus status, Map<String, String> errors, java.util.Set<String> only,
               PrintWriter out) {
        Table table = new Table().fit(style.width()).wide(wide).column(style.text("render.column.step"))
                .wideColumn(style.text("render.column.id")).column(style.text("render.column.state"))
                .column(style.text("render.column.duration"), Table.Align.RIGHT, 0, false)
                .column(style.text("render.column.retry"), Table.Align.RIGHT, 0, false)
                .freeColumn(style.text("render.column.message"));
        int notTakenAt = -1;
        for (TreeLayout.Line line : TreeLayout.layout(tree)) {
            int len = line.prefix().length();
            if (notTakenAt >= 0 && (len < notTakenAt || len == notTakenAt && line.kind() == TreeLayout.Kind.BRANCH)) {
                notTakenAt = -1;
            }
            boolean dim = notTakenAt >= 0;
            if (only != null && (line.kind() != TreeLayout.Kind.NODE || !only.contains(line.node().id()))) {
                continue;
            }
            switch (line.kind()) {
                case NODE -> nodeRow(table, line, status, errors, dim);
                case BRANCH -> {
                    boolean notTaken = !dim && notTaken(line, status);
                    String text = line.prefix() + PipelineRenderer.branchText(line, style);
                    table.row(dim || notTaken ? style.dim(text) : style.cyan(text), line.flow().id(), "", "", "",
                            notTaken ? style.dim(style.text("render.tree.not-taken")) : "");
                    if (notTaken) {
                        notTakenAt = len;
                    }
                }
                case JUMP -> table.row(line.prefix() + style.dim("↪ " + style.text("render.tree.jump", Nodes.name(line.node(), style.messages()))),
                        line.node().id());
                case MISSING -> table.row(line.prefix() + style.red("? " + style.text("render.tree.missing", line.ref())));
                case DETACHED -> table.row(line.prefix() + style.dim(style.text("render.tree.detached")));
            }
        }
        table.print(out);
    }

    public void render(String taskName, PipelineTree tree, TaskStatus status, PrintWriter out) {
        render(taskName, tree, status, Map.of(), out);
    }

    public String render(String taskName, PipelineTree tree, TaskStatus status, Map<String, String> errors) {
        StringWriter s = new StringWriter();
        render(taskName, tree, status, errors, new PrintWriter(s));
        return s.toString();
    }

    /** "NAME   ✖ FAILED   elapsed 1m10s": the task at a glance. */
    public String summary(String taskName, TaskStatus status) {
        NodeState root = status.root();
        String name = taskName != null && !taskName.isBlank() ? taskName
                : !root.name().isBlank() ? root.name() : root.id() == null ? style.text("render.tree.task") : root.id();
        StringBuilder s = new StringBuilder(style.bold(name)).append("   ").append(style.stateLabel(root.state()));
        if (root.start() != null || root.elapsedSeconds() > 0) {
            s.append("   ").append(style.text("render.tree.elapsed", formatDuration(root.elapsedSeconds())));
        }
        return s.toString();
    }

    private void nodeRow(Table table, TreeLayout.Line line, TaskStatus status, Map<String, String> errors,
                         boolean dim) {
        PipelineTree.Node node = line.node();
        String step = line.prefix() + Nodes.icon(node.type()) + " " + Nodes.name(node, style.messages());
        NodeState ns = status.find(node.id()).orElse(null);
        if (ns == null) {
            String pending = style.grey(State.PENDING.icon() + " " + State.PENDING.name());
            table.row(dim ? style.dim(step) : step, node.id(), pending);
            return;
        }
        String message = "";
        if (ns.state() == State.FAILED) {
            String error = errors.getOrDefault(node.id(), status.exData().get(node.id()));
            message = error == null ? "" : style.red(ErrorText.firstLine(error));
        } else if (ns.skip()) {
            message = style.text("render.tree.skipped");
        } else if (ns.errorIgnored()) {
            message = style.text("render.tree.error-ignored");
        }
        table.row(step, node.id(), style.stateLabel(ns.state()), formatDuration(ns.elapsedSeconds()),
                String.valueOf(ns.retry()), message);
    }

    /**
     * A branch of a gateway that finished without entering it: its first node never ran. A branch that goes straight
     * to the join can only be judged at an exclusive gateway, where another branch having run means this one did not.
     */
    private static boolean notTaken(TreeLayout.Line line, TaskStatus status) {
        PipelineTree.Node gateway = line.node();
        if (status.stateOf(gateway.id()) != State.FINISHED) {
            return false;
        }
        String target = line.flow().target();
        if (!target.equals(line.ref())) {
            return status.stateOf(target) == State.PENDING;
        }
        return gateway.type() == PipelineTree.NodeType.EXCLUSIVE && line.owner().outgoingFlows(gateway).stream()
                .anyMatch(f -> !f.target().equals(line.ref()) && status.stateOf(f.target()) != State.PENDING);
    }

    /** 0s, 59s, 1m05s, 2h03m04s, 3d04h. */
    public static String formatDuration(long seconds) {
        long s = Math.max(0, seconds);
        if (s < 60) {
            return s + "s";
        }
        if (s < 3600) {
            return String.format("%dm%02ds", s / 60, s % 60);
        }
        if (s < 86400) {
            return String.format("%dh%02dm%02ds", s / 3600, s % 3600 / 60, s % 60);
        }
        return String.format("%dd%02dh", s / 86400, s % 86400 / 3600);
    }
}
