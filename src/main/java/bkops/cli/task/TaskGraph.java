package bkops.cli.task;

import bkops.cli.GlobalUse;
import bkops.cli.Output;
import bkops.cli.OutputFormat;
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
@GlobalUse(dryRun = GlobalUse.DryRun.READS, formats = true)
public final class TaskGraph implements Callable<Integer> {
    @ParentCommand
    TaskCommand parent;

    @Parameters(paramLabel = "TASK", description = "Task id.")
    String id;

    @Override
    public Integer call() {
        Output out = parent.root.session().output();
        OutputFormat f = out.format(OutputFormat.DOT, OutputFormat.DOT, OutputFormat.MERMAID);
        TaskSnapshot s = new TaskReader(parent.root.session().sops()).fresh(TaskIds.check(id), false);
        out.out().print(f == OutputFormat.DOT ? GraphRenderer.dot(s.tree(), s.status())
                : GraphRenderer.mermaid(s.tree(), s.status()));
        out.out().flush();
        return 0;
    }
}
