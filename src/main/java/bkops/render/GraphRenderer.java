package bkops.render;

import bkops.model.PipelineTree;
import bkops.model.PipelineTree.Flow;
import bkops.model.PipelineTree.Node;
import bkops.model.State;
import bkops.model.TaskStatus;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * Graphviz DOT and Mermaid flowcharts of a pipeline. Unfolded subprocesses become clusters/subgraphs holding the
 * SubProcess node and its nested pipeline; conditional branches carry their names on the edge. With a TaskStatus each
 * node is filled by its state (unreached nodes as PENDING). Flows to missing nodes are left out.
 */
public final class GraphRenderer {

    private GraphRenderer() {
    }

    /** Fill colour per state; states not listed stay white. */
    static String fill(State state) {
        return switch (state) {
            case FINISHED, ROLL_BACK_SUCCESS -> "#c8e6c9";
            case FAILED, ROLL_BACK_FAILED, BLOCKED -> "#ffcdd2";
            case RUNNING, SUSPENDED, NODE_SUSPENDED, READY, ROLLING_BACK -> "#fff9c4";
            case REVOKED, EXPIRED -> "#e1bee7";
            case PENDING, CREATED -> "#eeeeee";
            case UNKNOWN -> "#ffffff";
        };
    }

    /** DOT text; {@code status} may be null for an uncoloured template graph. */
    public static String dot(PipelineTree tree, TaskStatus status) {
        StringBuilder sb = new StringBuilder("digraph pipeline {\n");
        sb.append("  rankdir=TB;\n");
        sb.append("  node [shape=box, style=\"rounded,filled\", fillcolor=\"#ffffff\", fontname=\"sans-serif\"];\n");
        sb.append("  edge [fontname=\"sans-serif\"];\n");
        dotLevel(tree, status, "  ", sb);
        return sb.append("}\n").toString();
    }

    private static void dotLevel(PipelineTree tree, TaskStatus status, String indent, StringBuilder sb) {
        for (Node n : tree.nodes().values()) {
            if (n.subprocess() != null) {
                sb.append(indent).append("subgraph ").append(dq("cluster_" + n.id())).append(" {\n");
                sb.append(indent).append("  label=").append(dq(Nodes.name(n))).append(";\n");
                sb.append(indent).append("  style=dashed;\n");
                dotNode(n, status, indent + "  ", sb);
                dotLevel(n.subprocess(), status, indent + "  ", sb);
                Node nestedStart = n.subprocess().start();
                if (nestedStart != null) {
                    sb.append(indent).append("  ").append(dq(n.id())).append(" -> ").append(dq(nestedStart.id()))
                            .append(" [style=dotted, arrowhead=none];\n");
                }
                sb.append(indent).append("}\n");
            } else {
                dotNode(n, status, indent, sb);
            }
        }
        for (Node n : tree.nodes().values()) {
            for (Flow f : tree.outgoingFlows(n)) {
                if (!tree.nodes().containsKey(f.target())) {
                    continue;
                }
                sb.append(indent).append(dq(f.source())).append(" -> ").append(dq(f.target()));
                String label = edgeLabel(tree, n, f);
                if (label != null) {
                    sb.append(" [label=").append(dq(label)).append(']');
                }
                sb.append(";\n");
            }
        }
    }

    private static void dotNode(Node n, TaskStatus status, String indent, StringBuilder sb) {
        sb.append(indent).append(dq(n.id())).append(" [label=").append(dq(Nodes.label(n)));
        switch (n.type()) {
            case START, END -> sb.append(", shape=circle");
            case EXCLUSIVE, PARALLEL, CONDITIONAL_PARALLEL, CONVERGE -> sb.append(", shape=diamond");
            case SUBPROCESS -> sb.append(", shape=component");
            default -> {
            }
        }
        if (status != null) {
            sb.append(", fillcolor=").append(dq(fill(status.stateOf(n.id()))));
        }
        sb.append("];\n");
    }

    /** Mermaid flowchart text; {@code status} may be null. */
    public static String mermaid(PipelineTree tree, TaskStatus status) {
        StringBuilder sb = new StringBuilder("flowchart TD\n");
        Map<String, String> ids = new HashMap<>();
        Set<State> used = EnumSet.noneOf(State.class);
        StringBuilder classes = new StringBuilder();
        mermaidLevel(tree, status, "  ", ids, used, classes, sb);
        for (State s : used) {
            sb.append("  classDef ").append(s.name().toLowerCase()).append(" fill:").append(fill(s)).append(";\n");
        }
        return sb.append(classes).toString();
    }

    private static void mermaidLevel(PipelineTree tree, TaskStatus status, String indent, Map<String, String> ids,
                                     Set<State> used, StringBuilder classes, StringBuilder sb) {
        for (Node n : tree.nodes().values()) {
            if (n.subprocess() != null) {
                sb.append(indent).append("subgraph ").append(mid("cluster_" + n.id(), ids)).append(" [")
                        .append(mq(Nodes.name(n))).append("]\n");
                mermaidNode(n, status, indent + "  ", ids, used, classes, sb);
                mermaidLevel(n.subprocess(), status, indent + "  ", ids, used, classes, sb);
                Node nestedStart = n.subprocess().start();
                if (nestedStart != null) {
                    sb.append(indent).append("  ").append(mid(n.id(), ids)).append(" -.- ")
                            .append(mid(nestedStart.id(), ids)).append('\n');
                }
                sb.append(indent).append("end\n");
            } else {
                mermaidNode(n, status, indent, ids, used, classes, sb);
            }
        }
        for (Node n : tree.nodes().values()) {
            for (Flow f : tree.outgoingFlows(n)) {
                if (!tree.nodes().containsKey(f.target())) {
                    continue;
                }
                sb.append(indent).append(mid(f.source(), ids)).append(" -->");
                String label = edgeLabel(tree, n, f);
                if (label != null) {
                    sb.append('|').append(mq(label)).append('|');
                }
                sb.append(' ').append(mid(f.target(), ids)).append('\n');
            }
        }
    }

    private static void mermaidNode(Node n, TaskStatus status, String indent, Map<String, String> ids,
                                    Set<State> used, StringBuilder classes, StringBuilder sb) {
        String label = mq(Nodes.label(n));
        String shape = switch (n.type()) {
            case START, END -> "((" + label + "))";
            case EXCLUSIVE, PARALLEL, CONDITIONAL_PARALLEL, CONVERGE -> "{" + label + "}";
            case SUBPROCESS -> "[[" + label + "]]";
            default -> "[" + label + "]";
        };
        String id = mid(n.id(), ids);
        sb.append(indent).append(id).append(shape).append('\n');
        if (status != null) {
            State s = status.stateOf(n.id());
            used.add(s);
            classes.append("  class ").append(id).append(' ').append(s.name().toLowerCase()).append(";\n");
        }
    }

    /** Branch name on a conditional or default flow; plain sequence and parallel flows stay unlabelled. */
    private static String edgeLabel(PipelineTree tree, Node source, Flow f) {
        boolean conditional = source.conditions().containsKey(f.id());
        boolean isDefault = source.type().isGateway() && tree.isDefault(source, f);
        if (!conditional && !isDefault) {
            return null;
        }
        String label = source.branchLabel(f.id());
        return isDefault ? label + " (default)" : label;
    }

    /**
     * DOT double-quoted string: every id and label is quoted, so Chinese and punctuation are safe; control characters
     * from the server are shown as escapes (the graph is often printed to a terminal first).
     */
    static String dq(String s) {
        return '"' + TerminalText.safe(s).replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + '"';
    }

    /** Mermaid quoted label; quotes become the #quot; entity Mermaid understands. */
    static String mq(String s) {
        return '"' + TerminalText.line(s).replace("\"", "#quot;") + '"';
    }

    /**
     * A Mermaid-safe id: letters, digits and _ only, prefixed so that words like "end" or a leading "o"/"x" (which
     * Mermaid reads as keywords or edge ends) cannot occur; distinct ids stay distinct.
     */
    static String mid(String id, Map<String, String> ids) {
        return ids.computeIfAbsent(id, k -> {
            String safe = "n_" + k.replaceAll("[^A-Za-z0-9_]", "_");
            String candidate = safe;
            for (int i = 2; ids.containsValue(candidate); i++) {
                candidate = safe + "_" + i;
            }
            return candidate;
        });
    }
}
