package bkops.cli.template;

import bkops.cli.GlobalUse;
import bkops.cli.Ids;
import bkops.cli.OutputFormat;
import bkops.cli.Result;
import bkops.model.PipelineTree;
import bkops.model.Scheme;
import bkops.render.ConsoleViews;
import com.fasterxml.jackson.databind.JsonNode;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

@Command(name = "schemes",
        header = "List a template's execution schemes: the named choices of its optional nodes.",
        description = {"get_template_schemes, with the template (get_template_info) to name the nodes. LEAVES OUT is "
                + "what a task made with the scheme does not run: the optional activities the scheme does not select "
                + "(the server's rule, bk-sops pipeline_web/preview_base.py); nodes that are not optional always run.",
                "'bkops task create --template T --scheme NAME' uses one; -o json prints the API's data."},
        footerHeading = "%nExamples:%n",
        footer = {"bkops template schemes 40", "bkops task create --template 40 --name quick --scheme quick --dry-run"})
@GlobalUse(dryRun = GlobalUse.DryRun.READS, formats = {OutputFormat.TABLE, OutputFormat.JSON, OutputFormat.YAML, OutputFormat.ID})
public final class TemplateSchemes implements Callable<Result> {
    @ParentCommand
    TemplateCommand parent;

    @Parameters(paramLabel = "TEMPLATE", description = "Template id (a project template).")
    Ids.Template id;

    @Override
    public Result call() {
        var sops = parent.root.session().sops();
        JsonNode data = sops.templateSchemes(id.value());
        List<Scheme> schemes = Scheme.parseList(data);
        Result r = Result.of(data).ids(schemes.stream().map(Scheme::id).toList());
        if (schemes.isEmpty()) {
            return r.note("template " + id.value() + " has no execution schemes: its tasks run every node unless --exclude leaves some out");
        }
        JsonNode tree = sops.templateInfo(id.value(), false, false).path("pipeline_tree");
        PipelineTree pipeline = PipelineTree.parse(tree);
        Map<Scheme, List<String>> leftOut = new LinkedHashMap<>();
        for (Scheme s : schemes) {
            List<String> names = new ArrayList<>();
            if (s.readable()) {
                Scheme.excludedNodes(tree, List.of(s)).forEach(n -> names.add(pipeline.node(n).map(PipelineTree.Node::label).orElse(n)));
            }
            leftOut.put(s, s.readable() ? names : null);
        }
        return r.show((out, f, style) -> ConsoleViews.schemes(leftOut, style, out));
    }
}
