package bkops.cli.node;

import bkops.ops.node.NodeAction;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(name = "resume",
        header = "Resume a node paused with 'node pause'.",
        description = "Sends operate_node resume: the node runs again and the flow continues.",
        footerHeading = "%nExamples:%n",
        footer = {"bkops node resume 12 '部署 deploy'", "bkops node resume 12 n3f2a1c9e0b7d4e5f6a7b8c9d0e1f2a3"})
public final class NodeResume extends NodeActionCommand {
    @Parameters(index = "1", paramLabel = "NODE", description = "Node id, or its name when unique in the task.")
    String node;

    @Override
    NodeAction action() {
        return NodeAction.RESUME;
    }

    @Override
    String nodeRef() {
        return node;
    }
}
