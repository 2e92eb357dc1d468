package bkops.render;

import bkops.model.PipelineTree.Node;
import bkops.model.PipelineTree.NodeType;

/** How a node is named and marked in every renderer. */
final class Nodes {

    private Nodes() {
    }

    /** One-column symbol per node kind. */
    static String icon(NodeType type) {
        return switch (type) {
            case START -> "▶";
            case END -> "■";
            case SERVICE -> "□";
            case SUBPROCESS -> "▣";
            case EXCLUSIVE -> "◇";
            case PARALLEL -> "◆";
            case CONDITIONAL_PARALLEL -> "◈";
            case CONVERGE -> "◎";
            case UNKNOWN -> "?";
        };
    }

    static String kind(Node n) {
        return switch (n.type()) {
            case START -> "start";
            case END -> "end";
            case SERVICE -> "activity";
            case SUBPROCESS -> "subprocess";
            case EXCLUSIVE -> "exclusive gateway";
            case PARALLEL -> "parallel gateway";
            case CONDITIONAL_PARALLEL -> "conditional parallel gateway";
            case CONVERGE -> "converge gateway";
            case UNKNOWN -> n.rawType().isEmpty() ? "node" : n.rawType();
        };
    }

    /** The node's name, or its kind when unnamed (events and gateways usually are). */
    static String name(Node n) {
        return n.name().isBlank() ? kind(n) : TerminalText.line(n.name());
    }

    /** Name plus what it runs: the plugin code, the child template, or the kind of a named gateway. */
    static String label(Node n) {
        if (n.type() == NodeType.SERVICE && n.component() != null && !n.component().code().isEmpty()) {
            return name(n) + " (" + n.component().code() + ")";
        }
        if (n.type() == NodeType.SUBPROCESS && n.templateId() != null) {
            return name(n) + " (template " + n.templateId() + ")";
        }
        if ((n.type().isGateway() || n.type() == NodeType.START || n.type() == NodeType.END) && !n.name().isBlank()) {
            return TerminalText.line(n.name()) + " (" + kind(n) + ")";
        }
        return name(n);
    }
}
