package bkops.cli.node;

import bkops.cli.BkopsCommand;
import bkops.cli.GlobalUse;
import bkops.cli.Ids;
import bkops.cli.OutputFormat;
import bkops.cli.Result;
import bkops.model.PipelineTree.Node;
import bkops.ops.node.TaskNodes;
import bkops.render.NodeDetailView;
import com.fasterxml.jackson.databind.JsonNode;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

import java.util.concurrent.Callable;

@Command(name = "show",
        header = "Show a node: state, times, retries, inputs, outputs, the failure text and earlier tries.",
        description = {"Reads get_task_node_detail. The subprocess stack the API needs is worked out from the task's "
                + "tree, so a node inside a subprocess is shown by its id or name alone. The failure text is made "
                + "readable (JSON pretty-printed, HTML reduced to text). A node that ran a Job instance shows its id "
                + "and the command to look at it.",
                "-o json prints the API's data."},
        footerHeading = "%nExamples:%n",
        footer = {"bkops node show 12 '部署 deploy'", "bkops node show 12 n1a2b3c4d5e6f7a8b9c0d1e2f3a4b5c6 -o json"})
@GlobalUse(dryRun = GlobalUse.DryRun.READS, formats = {OutputFormat.TABLE, OutputFormat.JSON, OutputFormat.YAML})
public final class NodeShow implements Callable<Result> {
    @ParentCommand
    NodeCommand parent;

    @Parameters(index = "0", paramLabel = "TASK", description = "Task id.")
    Ids.Task taskId;

    @Parameters(index = "1", paramLabel = "NODE", description = "Node id, or its name when unique in the task.")
    String node;

    @Override
    public Result call() {
        BkopsCommand root = parent.root;
        String task = taskId.value();
        TaskNodes nodes = TaskNodes.load(root.session().sops(), task);
        Node n = NodeCommand.resolve(nodes, node, root.session().output());
        JsonNode detail = root.session().sops().nodeDetail(task, n.id(), nodes.tree().subprocessStack(n.id()),
                n.component() == null ? null : n.component().code());
        return Result.of(detail).show((out, f, style) -> new NodeDetailView(style).render(n, nodes.path(n), detail, out));
    }
}
