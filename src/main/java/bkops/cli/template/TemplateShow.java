package bkops.cli.template;

import bkops.cli.GlobalUse;
import bkops.cli.Ids;
import bkops.cli.OutputFormat;
import bkops.cli.Result;
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
@GlobalUse(dryRun = GlobalUse.DryRun.READS, formats = {OutputFormat.TABLE, OutputFormat.WIDE, OutputFormat.TREE, OutputFormat.JSON, OutputFormat.YAML})
public final class TemplateShow implements Callable<Result> {
    @ParentCommand
    TemplateCommand parent;

    @Parameters(paramLabel = "TEMPLATE", description = "Template id.")
    Ids.Template id;

    @Option(names = "--common", description = "A common template.")
    boolean common;

    @Option(names = "--no-unfold", description = "Do not unfold subprocesses (show them as single nodes).")
    boolean noUnfold;

    @Override
    public Result call() {
        JsonNode data = parent.root.session().sops().templateInfo(id.value(), common, !noUnfold);
        return Result.of(data).show((out, f, style) -> {
            Template t = Template.parse(data);
            if (f == OutputFormat.TREE) {
                new PipelineRenderer(style, false).render(t.pipeline(), out);
            } else {
                new TemplateRenderer(style, f == OutputFormat.WIDE).show(t, out);
            }
        });
    }
}
