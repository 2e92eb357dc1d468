package bkops.ops.node;

import bkops.i18n.Localized;
import bkops.i18n.Text;
import bkops.model.PipelineTree.Node;

import java.util.List;

/** The operator's node reference matched nothing, or more than one node (the candidates are kept to list them). */
public final class NodeSelectionException extends RuntimeException implements Localized {
    public enum Reason { NOT_FOUND, AMBIGUOUS }

    private final Reason reason;
    private final List<Node> candidates;
    private final Text text;

    /** getMessage() is the text's English (errors.ops.node.*). */
    public NodeSelectionException(Reason reason, Text text, List<Node> candidates) {
        super(text.english());
        this.reason = reason;
        this.candidates = List.copyOf(candidates);
        this.text = text;
    }

    @Override
    public Text text() {
        return text;
    }

    public Reason reason() {
        return reason;
    }

    public List<Node> candidates() {
        return candidates;
    }
}
