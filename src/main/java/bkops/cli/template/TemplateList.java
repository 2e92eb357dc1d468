package bkops.cli.template;

import bkops.cli.BkopsCommand;
import bkops.cli.GlobalUse;
import bkops.cli.Output;
import bkops.cli.OutputFormat;
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
@GlobalUse(dryRun = GlobalUse.DryRun.READS, formats = true)
public final class TemplateList implements Callable<Integer> {
    @ParentCommand
    TemplateCommand parent;

    @Option(names = "--common", description = "Common templates (shared by all businesses) instead of the business's own.")
    boolean common;

    @Option(names = "--name", paramLabel = "TEXT", description = "Only templates whose name contains TEXT (case-insensitive).")
    String name;

    @Override
    public Integer call() {
        BkopsCommand root = parent.root;
        Output out = root.session().output();
        OutputFormat f = out.format(OutputFormat.TABLE, OutputFormat.TABLE, OutputFormat.WIDE, OutputFormat.JSON,
                OutputFormat.JSONL, OutputFormat.YAML, OutputFormat.ID);
        JsonNode data = root.session().sops().templateList(common, common ? null : name);
        JsonNode shown = filter(data);
        switch (f) {
            case JSON, JSONL, YAML -> out.print(shown, f);
            case ID -> shown.forEach(t -> out.out().println(t.path("id").asText()));
            default -> {
                List<Template> list = new ArrayList<>();
                shown.forEach(t -> list.add(Template.parse(t)));
                if (list.isEmpty()) {
                    out.info(name == null ? "no templates" : "no template name contains '" + name + "'");
                } else {
                    new TemplateRenderer(out.style(), f == OutputFormat.WIDE).list(list, out.out());
                }
            }
        }
        out.out().flush();
        return 0;
    }

    /** get_common_template_list has no name filter: apply it here so --name means the same everywhere. */
    private JsonNode filter(JsonNode data) {
        if (name == null || !data.isArray()) {
            return data;
        }
        String needle = name.toLowerCase(Locale.ROOT);
        ArrayNode out = ((ArrayNode) data).arrayNode();
        data.forEach(t -> {
            if (t.path("name").asText("").toLowerCase(Locale.ROOT).contains(needle)) {
                out.add(t);
            }
        });
        return out;
    }
}
