package bkops.cli.node;

import bkops.ops.node.NodeAction;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "skip",
        header = "Skip a FAILED node: mark it done and let the flow continue (destructive).",
        description = {"Sends operate_node skip. The node is marked FINISHED (skipped) and the flow goes on; its outputs "
                + "are not passed to the task's variables. Only task nodes can be skipped: for a failed exclusive "
                + "gateway use skip-gateway.",
                "--failed skips every failed node of the task after listing them. Asks first on a terminal; "
                        + "needs --yes otherwise."},
        footerHeading = "%nExamples:%n",
        footer = {"bkops node skip 12 '部署 deploy' --yes", "bkops node skip 12 --failed", "bkops node skip 12 --failed --dry-run"})
public final class NodeSkip extends NodeActionCommand {
    @Parameters(index = "1", arity = "0..1", paramLabel = "NODE", description = "Node id, or its name when unique in the task.")
    String node;

    @Option(names = "--failed", description = "Every failed node of the task, in parallel branches and subprocesses too.")
    boolean failed;

    @Override
    NodeAction action() {
        return NodeAction.SKIP;
    }

    @Override
    String nodeRef() {
        return node;
    }

    @Override
    boolean selectFailed() {
        return failed;
    }
}
