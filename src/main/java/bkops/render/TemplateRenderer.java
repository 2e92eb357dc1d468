package bkops.render;

import bkops.model.Constant;
import bkops.model.Template;

import java.io.PrintWriter;
import java.util.Comparator;
import java.util.List;

/** Templates for people: the list as a table; one template as its metadata, its constants and its pipeline tree. */
public final class TemplateRenderer {
    private final Style style;
    private final boolean wide;

    public TemplateRenderer(Style style, boolean wide) {
        this.style = style;
        this.wide = wide;
    }

    public void list(List<Template> templates, PrintWriter out) {
        Table t = new Table().wide(wide).column("ID", Table.Align.RIGHT, 0, false).column("NAME", Table.Align.LEFT, 48, false)
                .column("CATEGORY").column("CREATOR").column("EDITED").wideColumn("EDITOR").wideColumn("CREATED")
                .wideColumn("PROJECT");
        for (Template x : templates) {
            t.row(x.id(), x.name(), x.category(), x.creator(), x.editTime(), x.editor(), x.createTime(), x.projectName());
        }
        t.print(out);
        out.flush();
    }

    public void show(Template x, PrintWriter out) {
        out.println(style.bold("Template " + x.id() + "  " + x.name()));
        Table meta = new Table().headers(false).column("K").column("V");
        meta.row("Category", x.category());
        if (!x.projectName().isEmpty() || !x.bizId().isEmpty()) {
            meta.row("Project", x.projectName() + (x.bizId().isEmpty() ? "" : " (business " + x.bizId() + ")"));
        }
        meta.row("Created", join(x.creator(), x.createTime()));
        meta.row("Edited", join(x.editor(), x.editTime()));
        if (!x.description().isEmpty()) {
            meta.row("Description", x.description());
        }
        if (x.pipeline() != null) {
            meta.row("Nodes", String.valueOf(x.pipeline().nodeCount()));
        }
        meta.print(out);
        if (x.pipeline() == null) {
            out.flush();
            return;
        }
        List<Constant> constants = x.pipeline().constants().values().stream()
                .sorted(Comparator.comparingInt(Constant::index)).toList();
        out.println();
        out.println(style.bold("Constants"));
        if (constants.isEmpty()) {
            out.println("  (none)");
        } else {
            Table c = new Table().wide(wide).column("KEY").column("NAME").column("TYPE")
                    .column("VALUE", Table.Align.LEFT, wide ? 0 : 40, false).column("SHOWN").wideColumn("SOURCE");
            for (Constant k : constants) {
                c.row(k.key(), k.name(), k.customType(), value(k), k.shown() ? "yes" : "hidden", k.sourceType());
            }
            c.print(out);
        }
        out.println();
        out.println(style.bold("Pipeline"));
        new PipelineRenderer(style, wide).render(x.pipeline(), out);
        out.flush();
    }

    private static String value(Constant k) {
        if (k.value() == null || k.value().isNull()) {
            return "";
        }
        String v = k.value().isTextual() ? k.value().asText() : k.value().toString();
        return v.replace("\n", "\\n");
    }

    private static String join(String who, String when) {
        if (who.isEmpty()) {
            return when;
        }
        return when.isEmpty() ? who : who + ", " + when;
    }
}
