package bkops.render;

import bkops.model.PipelineTree;
import java.io.PrintWriter;
import java.io.StringWriter;

/**
 * A template's pipeline as a tree that follows the flows from start to end: branches under their gateway labelled by
 * branch name, the converge point after them, unfolded subprocesses indented under their SubProcess node. {@code wide}
 * adds a column of node ids.
 */
public final class PipelineRenderer {

    private final Style style;
    private final boolean wide;

    public PipelineRenderer(Style style, boolean wide) {
        this.style = style;
        this.wide = wide;
    }

    public void render(PipelineTree tree, PrintWriter out) {
        Table table = new Table().column(style.text("render.column.step")).wideColumn(style.text("render.column.id"))
                .headers(wide).wide(wide);
        for (TreeLayout.Line line : TreeLayout.layout(tree)) {
            switch (line.kind()) {
                case NODE -> table.row(line.prefix() + Nodes.icon(line.node().type()) + " " + Nodes.label(line.node(), style.messages()),
                        line.node().id());
                case BRANCH -> table.row(line.prefix() + branch(line), line.flow().id());
                case JUMP -> table.row(line.prefix() + style.dim("↪ " + style.text("render.tree.jump", Nodes.name(line.node(), style.messages()))),
                        line.node().id());
                case MISSING -> table.row(line.prefix() + style.red("? " + style.text("render.tree.missing", line.ref())), "");
                case DETACHED -> table.row(line.prefix() + style.dim(style.text("render.tree.detached")), "");
            }
        }
        table.print(out);
    }

    public String render(PipelineTree tree) {
        StringWriter s = new StringWriter();
        render(tree, new PrintWriter(s));
        return s.toString();
    }

    /** "[label]" plus a default marker; shared with the status tree. */
    static String branchText(TreeLayout.Line line, Style style) {
        String label = "[" + line.node().branchLabel(line.flow().id()) + "]";
        return line.owner().isDefault(line.node(), line.flow()) ? label + " " + style.text("render.tree.default") : label;
    }

    private String branch(TreeLayout.Line line) {
        return style.cyan(branchText(line, style));
    }
}
