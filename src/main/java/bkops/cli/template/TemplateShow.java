package bkops.cli.template;

import bkops.cli.BkopsCommand;
import bkops.cli.GlobalUse;
import bkops.cli.Output;
import bkops.cli.OutputFormat;
import bkops.model.Template;
import bkops.render.PipelineRenderer;
import bkops.render.TemplateRenderer;
import com.fasterxml.jackson.databind.JsonNode;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

import java.util.concurrent.Callable;

@Command(name = "show",
        header = "Show a template: metadata, constants and the pipeline drawn as a tree.",
        description = {"The pipeline follows the flows from start to end: gateways with their branches (named by their "
                + "conditions), the point where branches converge, subprocesses unfolded under their node.",
                "-o wide adds node ids; -o tree prints only the pipeline; -o json the API's data."},
        footerHeading = "%nExamples:%n",
        footer = {"bkops template show 5", "bkops template show 5 -o wide", "bkops template show 101 --common -o json"})
@GlobalUse(dryRun = GlobalUse.DryRun.READS, formats = true)
public final class TemplateShow implements Callable<Integer> {
    @ParentCommand
    TemplateCommand parent;

    @Parameters(paramLabel = "TEMPLATE", description = "Template id.")
    String id;

    @Option(names = "--common", description = "A common template.")
    boolean common;

    @Option(names = "--no-unfold", description = "Do not unfold subprocesses (show them as single nodes).")
    boolean noUnfold;

    @Override
    public Integer call() {
        BkopsCommand root = parent.root;
        Output out = root.session().output();
        OutputFormat f = out.format(OutputFormat.TABLE, OutputFormat.TABLE, OutputFormat.WIDE, OutputFormat.TREE,
                OutputFormat.JSON, OutputFormat.YAML);
        TemplateCommand.checkId(id);
        JsonNode data = root.session().sops().templateInfo(id, common, !noUnfold);
        switch (f) {
            case JSON, YAML -> out.print(data, f);
            case TREE -> new PipelineRenderer(out.style(), false).render(Template.parse(data).pipeline(), out.out());
            default -> new TemplateRenderer(out.style(), f == OutputFormat.WIDE).show(Template.parse(data), out.out());
        }
        out.out().flush();
        return 0;
    }
}
