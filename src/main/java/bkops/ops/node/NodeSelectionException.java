package bkops.ops.node;

import bkops.model.PipelineTree.Node;

import java.util.List;

/** The operator's node reference matched nothing, or more than one node (the candidates are kept to list them). */
public final class NodeSelectionException extends RuntimeException {
    public enum Reason { NOT_FOUND, AMBIGUOUS }

    private final Reason reason;
    private final List<Node> candidates;

    public NodeSelectionException(Reason reason, String message, List<Node> candidates) {
        super(message);
        this.reason = reason;
        this.candidates = List.copyOf(candidates);
    }

    public Reason reason() {
        return reason;
    }

    public List<Node> candidates() {
        return candidates;
    }
}
