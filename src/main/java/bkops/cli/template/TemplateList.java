package bkops.cli.template;

import bkops.cli.GlobalUse;
import bkops.cli.OutputFormat;
import bkops.cli.Result;
import bkops.cli.Session;
import bkops.model.Template;
import bkops.render.TemplateRenderer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

@Command(name = "list",
        header = "List the business's flow templates (or the common ones).",
        description = "Lists templates with their ids, names, categories and last edit. The API returns every template "
                + "at once (no paging); --name filters by a part of the name.",
        footerHeading = "%nExamples:%n",
        footer = {"bkops template list", "bkops template list --common", "bkops template list --name 发布 -o id"})
@GlobalUse(dryRun = GlobalUse.DryRun.READS, formats = {OutputFormat.TABLE, OutputFormat.WIDE, OutputFormat.JSON,
        OutputFormat.JSONL, OutputFormat.YAML, OutputFormat.ID})
public final class TemplateList implements Callable<Result> {
    @ParentCommand
    TemplateCommand parent;

    @Option(names = "--common", description = "Common templates (shared by all businesses) instead of the business's own.")
    boolean common;

    @Option(names = "--name", paramLabel = "TEXT", description = "Only templates whose name contains TEXT (case-insensitive).")
    String name;

    @Override
    public Result call() {
        Session session = parent.root.session();
        JsonNode shown = filter(session.sops().templateList(common, common ? null : name));
        List<Template> list = new ArrayList<>();
        shown.forEach(t -> list.add(Template.parse(t)));
        Result r = Result.of(shown).ids(list.stream().map(Template::id).toList())
                .show((out, f, style) -> new TemplateRenderer(style, f == OutputFormat.WIDE).list(list, out));
        if (list.isEmpty()) {
            r.show(null).note(name == null ? "no templates" : "no template name contains '" + name + "'");
        }
        return r;
    }

    /** get_common_template_list has no name filter: apply it here so --name means the same everywhere. */
    private JsonNode filter(JsonNode data) {
        if (name == null || !data.isArray()) {
            return data;
        }
        String needle = name.toLowerCase(Locale.ROOT);
        ArrayNode out = ((ArrayNode) data).arrayNode();
        data.forEach(t -> {
            if (Template.parse(t).name().toLowerCase(Locale.ROOT).contains(needle)) {
                out.add(t);
            }
        });
        return out;
    }
}
