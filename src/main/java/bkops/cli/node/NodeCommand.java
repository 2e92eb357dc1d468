package bkops.cli.node;

import bkops.cli.BkopsCommand;
import bkops.cli.CliException;
import bkops.cli.Output;
import bkops.i18n.Text;
import bkops.model.PipelineTree.Node;
import bkops.ops.node.NodeSelectionException;
import bkops.ops.node.TaskNodes;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

import java.util.List;


/** The `node` noun: its verbs are the subcommands. */
@Command(name = "node",
        header = "Nodes of a task: show one, its log, retry, skip, choose a gateway branch, call back, pause and resume.",
        description = {"Nodes of a task: show one, its log, retry, skip, choose a gateway branch, call back, pause and resume.",
                "A node is named by its id or by its name when no other node of the task bears it; nodes inside "
                        + "subprocesses are found the same way. Each action checks the node's current state first "
                        + "and explains a refusal; --force sends anyway."})
public final class NodeCommand implements Runnable {
    /**
     * The verbs, in help's order. Not in {@code @Command(subcommands)}, where picocli would build every one of them for
     * each run: Cli registers only the one named on the command line when it can tell.
     */
    public static final List<Class<?>> VERBS = List.of(NodeShow.class, NodeLogCommand.class, NodeRetry.class, NodeSkip.class,
            NodeSkipGateway.class, NodeCallback.class, NodePause.class, NodeResume.class, NodePauseSubprocess.class,
            NodeResumeSubprocess.class, NodeForcedFail.class);

    @Spec
    CommandSpec spec;

    @ParentCommand
    BkopsCommand root;

    /** The node the operator means; several nodes with that name are listed (ids and paths) before exit 2. */
    static Node resolve(TaskNodes nodes, String ref, Output out) {
        try {
            return nodes.resolve(ref);
        } catch (NodeSelectionException e) {
            if (e.reason() == NodeSelectionException.Reason.NOT_FOUND) {
                throw CliException.notFound(Text.of("errors.ops.node.not-found.see", e.text(), nodes.taskId()));
            }
            out.info(out.style().text("errors.cli.node.named", ref));
            e.candidates().forEach(n -> out.info("  " + n.id() + "  " + nodes.path(n)));
            throw CliException.usage(e.text());
        }
    }

    @Override
    public void run() {
        throw bkops.cli.Cli.needsVerb(spec, "show");
    }
}
