package bkops.cli.template;

import bkops.cli.BkopsCommand;
import bkops.cli.GlobalUse;
import bkops.cli.Output;
import bkops.cli.OutputFormat;
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
@GlobalUse(dryRun = GlobalUse.DryRun.READS, formats = true)
public final class TemplateGraph implements Callable<Integer> {
    @ParentCommand
    TemplateCommand parent;

    @Parameters(paramLabel = "TEMPLATE", description = "Template id.")
    String id;

    @Option(names = "--common", description = "A common template.")
    boolean common;

    @Override
    public Integer call() {
        BkopsCommand root = parent.root;
        Output out = root.session().output();
        OutputFormat f = out.format(OutputFormat.DOT, OutputFormat.DOT, OutputFormat.MERMAID);
        TemplateCommand.checkId(id);
        Template t = Template.parse(root.session().sops().templateInfo(id, common, true));
        out.out().print(f == OutputFormat.DOT ? GraphRenderer.dot(t.pipeline(), null) : GraphRenderer.mermaid(t.pipeline(), null));
        out.out().flush();
        return 0;
    }
}
