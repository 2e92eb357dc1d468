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
        Table t = new Table().fit(style.width()).wide(wide).column(style.text("render.column.id"), Table.Align.RIGHT, 0, false)
                .freeColumn(style.text("render.column.name"))
                .column(style.text("render.column.category")).column(style.text("render.column.creator"))
                .column(style.text("render.column.edited")).wideColumn(style.text("render.column.editor"))
                .wideColumn(style.text("render.column.created")).wideColumn(style.text("render.column.project"));
        for (Template x : templates) {
            t.row(x.id(), x.name(), x.category(), x.creator(), x.editTime(), x.editor(), x.createTime(), x.projectName());
        }
        t.print(out);
        out.flush();
    }

    public void show(Template x, PrintWriter out) {
        out.println(style.bold(style.text("render.template.title", x.id(), x.name())));
        Table meta = new Table().headers(false).column("K").column("V");
        meta.row(style.text("render.template.category"), x.category());
        if (!x.projectName().isEmpty() || !x.bizId().isEmpty()) {
            meta.row(style.text("render.label.project"), x.projectName()
                    + (x.bizId().isEmpty() ? "" : " " + style.text("render.template.business", x.bizId())));
        }
        meta.row(style.text("render.label.created"), join(x.creator(), x.createTime()));
        meta.row(style.text("render.template.edited"), join(x.editor(), x.editTime()));
        if (!x.description().isEmpty()) {
            meta.row(style.text("render.template.description"), x.description());
        }
        if (x.pipeline() != null) {
            meta.row(style.text("render.template.nodes"), String.valueOf(x.pipeline().nodeCount()));
        }
        meta.print(out);
        if (x.pipeline() == null) {
            out.flush();
            return;
        }
        List<Constant> constants = x.pipeline().constants().values().stream()
                .sorted(Comparator.comparingInt(Constant::index)).toList();
        out.println();
        out.println(style.bold(style.text("render.heading.constants")));
        if (constants.isEmpty()) {
            out.println("  " + style.text("render.none"));
        } else {
            Table c = new Table().fit(style.width()).wide(wide).column(style.text("render.column.key")).column(style.text("render.column.name"))
                    .column(style.text("render.column.type"))
                    .freeColumn(style.text("render.column.value"))
                    .column(style.text("render.column.shown")).wideColumn(style.text("render.column.source"));
            for (Constant k : constants) {
                c.row(k.key(), k.name(), k.customType(), value(k), style.text(k.shown() ? "render.yes" : "render.hidden"),
                        k.sourceType());
            }
            c.print(out);
        }
        out.println();
        out.println(style.bold(style.text("render.heading.pipeline")));
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
