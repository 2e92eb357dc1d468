package bkops.cli.node;

import bkops.cli.BkopsCommand;
import bkops.cli.CliException;
import bkops.cli.Output;
import bkops.i18n.Text;
import bkops.model.PipelineTree.Node;
import bkops.ops.node.NodeAction;
import bkops.ops.node.TaskNodes.Branch;
import bkops.ops.node.TaskNodes;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.util.List;
import java.util.Map;

@Command(name = "skip-gateway",
        header = "Choose the branch of a FAILED exclusive gateway (no condition matched) and continue (destructive).",
        description = {"Sends operate_node skip_exg with the chosen outgoing flow. --flow takes the flow id, the branch "
                + "name (its condition's name) or the name of the node the branch leads to; without --flow the "
                + "branches are listed to choose from.",
                "Asks first on a terminal; needs --yes otherwise."},
        footerHeading = "%nExamples:%n",
        footer = {"bkops node skip-gateway 12 '按环境 by env'", "bkops node skip-gateway 12 '按环境 by env' --flow prod --yes"})
public final class NodeSkipGateway extends NodeActionCommand {
    @Parameters(index = "1", paramLabel = "GATEWAY", description = "Gateway id, or its name when unique in the task.")
    String gateway;

    @Option(names = "--flow", paramLabel = "FLOW", description = "The branch to follow: flow id, branch name or the name of the node it leads to.")
    String flow;

    @Override
    NodeAction action() {
        return NodeAction.SKIP_GATEWAY;
    }

    @Override
    String nodeRef() {
        return gateway;
    }

    @Override
    Map<String, Object> fields(BkopsCommand root, TaskNodes nodes, Node target) {
        List<Branch> all = nodes.branches(target);
        List<Branch> hit = flow == null ? List.of() : nodes.branchesMatching(target, flow);
        if (hit.size() == 1) {
            return Map.of("flow_id", hit.get(0).flowId());
        }
        Output out = root.session().output();
        out.info(out.style().text("errors.cli.node.branches", target.label()));
        for (Branch b : all) {
            out.info("  " + b.flowId() + "  " + b.name() + "  → " + (b.target() == null ? "?" : b.target().label()));
        }
        throw CliException.usage(flow == null ? Text.of("errors.cli.node.choose-branch")
                : hit.isEmpty() ? Text.of("errors.cli.node.no-branch", target.label(), flow)
                : Text.of("errors.cli.node.branches-match", hit.size(), flow));
    }
}
