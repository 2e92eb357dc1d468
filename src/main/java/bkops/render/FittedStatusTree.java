package bkops.render;

import bkops.model.PipelineTree;
import bkops.model.State;
import bkops.model.TaskStatus;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A status tree that must fit in a number of lines (a terminal redrawn in place, task watch): the whole tree when it
 * fits; otherwise the task line, how many nodes are in each state, the rows of the nodes that are neither finished
 * nor still to come (failed ones first when even those do not all fit), and how many nodes are not shown.
 */
public final class FittedStatusTree {
    /** Task line, counts, table header and the "not shown" line around the rows of a summary. */
    private static final int SUMMARY_LINES = 4;
    private static final Set<State> QUIET = Set.of(State.FINISHED, State.PENDING, State.CREATED, State.READY);

    private final StatusTreeRenderer renderer;
    private final Style style;

    public FittedStatusTree(Style style, boolean wide) {
        this.renderer = new StatusTreeRenderer(style, wide);
        this.style = style;
    }

    /** The tree in at most {@code lines} lines (0: no limit), each ending in a newline. */
    public String render(String taskName, PipelineTree tree, TaskStatus status, int lines) {
        List<TreeLayout.Line> layout = TreeLayout.layout(tree);
        if (lines <= 0 || layout.size() + 2 <= lines) { // the task line, the table's header, a row per line
            return renderer.render(taskName, tree, status, Map.of());
        }
        List<String> nodes = new ArrayList<>(new LinkedHashSet<>(nodeIds(layout))); // tree order, each once
        Map<State, Integer> counts = new EnumMap<>(State.class);
        List<String> active = new ArrayList<>();
        for (String id : nodes) {
            State state = status.find(id).map(TaskStatus.NodeState::state).orElse(State.PENDING);
            counts.merge(state, 1, Integer::sum);
            if (!QUIET.contains(state)) {
                active.add(id);
            }
        }
        int room = Math.max(0, lines - SUMMARY_LINES);
        Set<String> shown = new LinkedHashSet<>(active.stream()
                .sorted(Comparator.comparingInt(id -> urgency(status.stateOf(id))))
                .limit(room).toList());
        StringWriter s = new StringWriter();
        PrintWriter out = new PrintWriter(s);
        out.println(renderer.summary(taskName, status));
        StringBuilder c = new StringBuilder(style.text("render.tree.nodes", nodes.size()));
        counts.forEach((state, n) -> c.append("  ").append(n).append(' ').append(style.stateLabel(state)));
        out.println(c);
        if (!shown.isEmpty()) {
            renderer.table(tree, status, Map.of(), shown, out);
        }
        out.println(style.dim("… " + style.text("render.tree.more", nodes.size() - shown.size())));
        out.flush();
        return s.toString();
    }

    /** Failed or stuck first, then waiting, then the rest (running). */
    private static int urgency(State state) {
        return switch (state) {
            case FAILED, ROLL_BACK_FAILED, BLOCKED, UNKNOWN -> 0;
            case SUSPENDED, NODE_SUSPENDED -> 1;
            default -> 2;
        };
    }

    private static List<String> nodeIds(List<TreeLayout.Line> layout) {
        List<String> ids = new ArrayList<>();
        for (TreeLayout.Line line : layout) {
            if (line.kind() == TreeLayout.Kind.NODE) {
                ids.add(line.node().id());
            }
        }
        return ids;
    }
}
