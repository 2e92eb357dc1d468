package bkops.cli.node;

import bkops.ops.node.NodeAction;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(name = "forced-fail",
        header = "Force a RUNNING node to fail (kills it; destructive).",
        description = "Sends operate_node forced_fail: the node becomes FAILED with 'The node has been terminated by <user>.' and can then be retried or skipped. Asks first on a terminal; needs --yes otherwise.",
        footerHeading = "%nExamples:%n",
        footer = {"bkops node forced-fail 12 '部署 deploy' --yes", "bkops node forced-fail 12 '部署 deploy' --dry-run"})
public final class NodeForcedFail extends NodeActionCommand {
    @Parameters(index = "1", paramLabel = "NODE", description = "Node id, or its name when unique in the task.")
    String node;

    @Override
    NodeAction action() {
        return NodeAction.FORCED_FAIL;
    }

    @Override
    String nodeRef() {
        return node;
    }
}
