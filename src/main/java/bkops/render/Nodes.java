package bkops.render;

import bkops.i18n.Messages;
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

    static String kind(Node n, Messages m) {
        return switch (n.type()) {
            case START -> m.get("render.node.kind.start");
            case END -> m.get("render.node.kind.end");
            case SERVICE -> m.get("render.node.kind.activity");
            case SUBPROCESS -> m.get("render.node.kind.subprocess");
            case EXCLUSIVE -> m.get("render.node.kind.exclusive");
            case PARALLEL -> m.get("render.node.kind.parallel");
            case CONDITIONAL_PARALLEL -> m.get("render.node.kind.conditional-parallel");
            case CONVERGE -> m.get("render.node.kind.converge");
            case UNKNOWN -> n.rawType().isEmpty() ? m.get("render.node.kind.node") : n.rawType();
        };
    }

    /** The node's name, or its kind when unnamed (events and gateways usually are). */
    static String name(Node n, Messages m) {
        return n.name().isBlank() ? kind(n, m) : TerminalText.line(n.name());
    }

    /** In English: the graphs (DOT, Mermaid). */
    static String name(Node n) {
        return name(n, Messages.ENGLISH);
    }

    static String label(Node n) {
        return label(n, Messages.ENGLISH);
    }

    /** Name plus what it runs: the plugin code, the child template, or the kind of a named gateway. */
    static String label(Node n, Messages m) {
        if (n.type() == NodeType.SERVICE && n.component() != null && !n.component().code().isEmpty()) {
            return name(n, m) + " (" + n.component().code() + ")";
        }
        if (n.type() == NodeType.SUBPROCESS && n.templateId() != null) {
            return name(n, m) + " (" + m.get("render.node.template", n.templateId()) + ")";
        }
        if ((n.type().isGateway() || n.type() == NodeType.START || n.type() == NodeType.END) && !n.name().isBlank()) {
            return TerminalText.line(n.name()) + " (" + kind(n, m) + ")";
        }
        return name(n, m);
    }
}
