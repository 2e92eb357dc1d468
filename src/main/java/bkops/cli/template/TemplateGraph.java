package bkops.cli.template;

import bkops.cli.GlobalUse;
import bkops.cli.Ids;
import bkops.cli.OutputFormat;
import bkops.cli.Result;
import bkops.model.Template;
import bkops.render.GraphRenderer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

import java.util.concurrent.Callable;

@Command(name = "graph",
        header = "Draw a template's pipeline as a graph (DOT or Mermaid).",
        description = "Prints Graphviz DOT (default) or a Mermaid flowchart: subprocesses as clusters, branch names on edges.",
        footerHeading = "%nExamples:%n",
        footer = {"bkops template graph 7 | dot -Tsvg > flow.svg", "bkops template graph 7 -o mermaid"})
@GlobalUse(dryRun = GlobalUse.DryRun.READS, formats = {OutputFormat.DOT, OutputFormat.MERMAID})
public final class TemplateGraph implements Callable<Result> {
    @ParentCommand
    TemplateCommand parent;

    @Parameters(paramLabel = "TEMPLATE", description = "Template id.")
    Ids.Template id;

    @Option(names = "--common", description = "A common template.")
    boolean common;

    @Override
    public Result call() {
        Template t = Template.parse(parent.root.session().sops().templateInfo(id.value(), common, true));
        return Result.view((out, f, style) -> out.print(f == OutputFormat.DOT ? GraphRenderer.dot(t.pipeline(), null)
                : GraphRenderer.mermaid(t.pipeline(), null)));
    }
}
