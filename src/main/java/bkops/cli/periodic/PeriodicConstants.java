package bkops.cli.periodic;

import bkops.cli.BkopsCommand;
import bkops.cli.ChangeRunner;
import bkops.cli.DryRun;
import bkops.cli.GlobalUse;
import bkops.cli.Ids;
import bkops.cli.Output;
import bkops.cli.OutputFormat;
import bkops.cli.Result;
import bkops.cli.TemplateInputs;
import bkops.model.PipelineTree;
import bkops.ops.Change;
import bkops.ops.PeriodicChanges;
import bkops.ops.TaskDraft;
import bkops.render.PeriodicView;
import com.fasterxml.jackson.databind.JsonNode;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

@Command(name = "constants",
        header = "Change the constants a periodic task will run with; shows old → new.",
        description = {"Keys may be given with or without the $${...} wrapper. The server ignores keys a task does not have, silently; "
                + "bkops refuses them instead and lists the keys the task has. -o json prints the full constants the "
                + "API returns after the change."},
        footerHeading = "%nExamples:%n",
        footer = {"bkops periodic constants 3 --set version=1.2.0", "bkops periodic constants 3 --set env=prod --set '$${region}=sh' --dry-run"})
@GlobalUse(dryRun = GlobalUse.DryRun.PREVIEW, formats = {OutputFormat.TABLE, OutputFormat.JSON, OutputFormat.YAML})
public final class PeriodicConstants implements Callable<Result> {
    @ParentCommand
    PeriodicCommand parent;

    @Parameters(paramLabel = "PERIODIC", description = "Periodic task id.")
    Ids.Periodic periodic;

    @Option(names = "--set", required = true, paramLabel = "K=V", description = "A constant's new value; repeatable.")
    List<String> set;

    @Override
    public Result call() {
        BkopsCommand root = parent.root;
        Output out = root.session().output();
        ChangeRunner runner = new ChangeRunner(root, false);
        OutputFormat f = runner.format();
        String id = periodic.value();
        TemplateInputs given = TemplateInputs.pairs(set, "--set");
        JsonNode tree = root.session().sops().periodicTaskInfo(id).path("pipeline_tree");
        JsonNode before = tree.path("constants");
        // the periodic task keeps its own copy of the constants: keys and types are checked against it, as task create does
        Map<String, Object> changes = given.applyTo(new TaskDraft(PipelineTree.parse(tree), "periodic task " + id)).constants();
        Change<JsonNode> change = new PeriodicChanges(root.session().sops(), root.context().sleeper())
                .constants(id, changes);
        if (runner.dryRun()) {
            if (f != OutputFormat.TABLE) {
                out.info(out.style().text("notice.cli.dry-run.nothing-sent"));
            }
            return runner.preview(List.of(change), (w, format, style) -> {
                        PeriodicView.constantsChange(changes, before, null, style).print(w);
                        w.println("dry run: nothing sent");
                    });
        }
        JsonNode after = runner.send(change);
        return Result.of(after).show((w, format, style) -> PeriodicView.constantsChange(changes, before, after, style).print(w));
    }
}
