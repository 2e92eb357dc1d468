package bkops.cli.task;

import bkops.cli.GlobalUse;
import bkops.cli.Ids;
import bkops.cli.OutputFormat;
import bkops.cli.Result;
import bkops.ops.TaskReader;
import bkops.ops.TaskSnapshot;
import bkops.render.GraphRenderer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

import java.util.concurrent.Callable;

@Command(name = "graph",
        header = "Draw a task's pipeline as a graph coloured by node state (DOT or Mermaid).",
        description = "Prints Graphviz DOT (default) or a Mermaid flowchart: subprocesses as clusters, branch names on "
                + "edges, each node filled with its state's colour.",
        footerHeading = "%nExamples:%n",
        footer = {"bkops task graph 42 | dot -Tsvg > task.svg", "bkops task graph 42 -o mermaid"})
@GlobalUse(dryRun = GlobalUse.DryRun.READS, formats = {OutputFormat.DOT, OutputFormat.MERMAID})
public final class TaskGraph implements Callable<Result> {
    @ParentCommand
    TaskCommand parent;

    @Parameters(paramLabel = "TASK", description = "Task id.")
    Ids.Task id;

    @Override
    public Result call() {
        TaskSnapshot s = new TaskReader(parent.root.session().sops(), parent.root.session().job()).fresh(id.value(), false);
        return Result.view((out, f, style) -> out.print(f == OutputFormat.DOT ? GraphRenderer.dot(s.tree(), s.status())
                : GraphRenderer.mermaid(s.tree(), s.status())));
    }
}
