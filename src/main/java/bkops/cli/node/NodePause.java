package bkops.cli.node;

import bkops.ops.node.NodeAction;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(name = "pause",
        header = "Pause a node: the flow stops there (a node not reached yet is paused in advance).",
        description = "Sends operate_node pause. A running node is SUSPENDED; a node not reached yet stops the flow before it runs. Subprocesses: use pause-subprocess.",
        footerHeading = "%nExamples:%n",
        footer = {"bkops node pause 12 '部署 deploy'", "bkops node resume 12 '部署 deploy'"})
public final class NodePause extends NodeActionCommand {
    @Parameters(index = "1", paramLabel = "NODE", description = "Node id, or its name when unique in the task.")
    String node;

    @Override
    NodeAction action() {
        return NodeAction.PAUSE;
    }

    @Override
    String nodeRef() {
        return node;
    }
}
