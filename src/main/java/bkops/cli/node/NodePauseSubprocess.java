package bkops.cli.node;

import bkops.ops.node.NodeAction;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(name = "pause-subprocess",
        header = "Pause a subprocess: nothing more starts inside it.",
        description = "Sends operate_node pause_subproc for a SubProcess node that is READY or RUNNING.",
        footerHeading = "%nExamples:%n",
        footer = {"bkops node pause-subprocess 12 '子流程 linear deploy'", "bkops node resume-subprocess 12 '子流程 linear deploy'"})
public final class NodePauseSubprocess extends NodeActionCommand {
    @Parameters(index = "1", paramLabel = "NODE", description = "Node id, or its name when unique in the task.")
    String node;

    @Override
    NodeAction action() {
        return NodeAction.PAUSE_SUBPROCESS;
    }

    @Override
    String nodeRef() {
        return node;
    }
}
