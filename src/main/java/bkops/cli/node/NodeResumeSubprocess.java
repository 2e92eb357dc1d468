package bkops.cli.node;

import bkops.ops.node.NodeAction;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(name = "resume-subprocess",
        header = "Resume a subprocess paused with 'node pause-subprocess'.",
        description = "Sends operate_node resume_subproc for a SUSPENDED SubProcess node.",
        footerHeading = "%nExamples:%n",
        footer = {"bkops node resume-subprocess 12 '子流程 linear deploy'", "bkops node resume-subprocess 12 n9c1d2e3f4a5b6c7d8e9f0a1b2c3d4e5"})
public final class NodeResumeSubprocess extends NodeActionCommand {
    @Parameters(index = "1", paramLabel = "NODE", description = "Node id, or its name when unique in the task.")
    String node;

    @Override
    NodeAction action() {
        return NodeAction.RESUME_SUBPROCESS;
    }

    @Override
    String nodeRef() {
        return node;
    }
}
