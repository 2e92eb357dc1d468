package bkops.cli.node;

import bkops.cli.BkopsCommand;
import bkops.cli.CliException;
import bkops.i18n.Text;
import bkops.model.PipelineTree.Node;
import bkops.ops.node.NodeAction;
import bkops.ops.node.TaskNodes;
import com.fasterxml.jackson.databind.node.ObjectNode;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.util.LinkedHashMap;
import java.util.Map;

@Command(name = "callback",
        header = "Call back a node waiting for it (a pause/approval node, Job- or ITSM-style plugins).",
        description = {"Sends node_callback with the data as callback_data; the plugin decides what it means "
                + "(a pause node stores it in its output callback_data and finishes).",
                "An approval node (bk_approve) reads callback_data.approve_result: --approve sends "
                        + "{\"approve_result\": true}, --reject {\"approve_result\": false} (the node then fails). "
                        + "Data without approve_result would fail the node, so it is refused unless --force.",
                "--version targets one execution of the node (see 'bkops node show'); without it the node's current "
                        + "version is used."},
        footerHeading = "%nExamples:%n",
        footer = {"bkops node callback 12 '人工确认 approve' --data '{\"approved\": true}'",
                "bkops node callback 12 '审批 approve release' --approve",
                "bkops node callback 12 '人工确认 approve' --data @answer.json",
                "echo '{}' | bkops node callback 12 n1a2b3c4d5e6f7a8b9c0d1e2f3a4b5c6 --data -"})
public final class NodeCallback extends NodeActionCommand {
    @Parameters(index = "1", paramLabel = "NODE", description = "Node id, or its name when unique in the task.")
    String node;

    @Option(names = "--data", paramLabel = "JSON|@FILE|-", description = "The callback data: a JSON object, @FILE (a file holding one), or '-' (or '@-') for stdin.")
    String data;

    @Option(names = "--approve", description = "Approve an approval node (bk_approve): callback data {\"approve_result\": true}.")
    boolean approve;

    @Option(names = "--reject", description = "Reject an approval node (bk_approve): callback data {\"approve_result\": false}.")
    boolean reject;

    @Option(names = "--version", paramLabel = "VERSION", description = "The node execution's version to call back (default: the current one).")
    String version;

    /** The root's inherited -h/-V pair is dropped here because --version is taken by the node's version; keep -h. */
    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help message and exit.")
    boolean help;

    private ObjectNode parsed;

    @Override
    NodeAction action() {
        return NodeAction.CALLBACK;
    }

    @Override
    String nodeRef() {
        return node;
    }

    /** bk-sops pipeline_plugins/components/collections/sites/open/bk/approve/v1_0.py: ApproveComponent.code. */
    private static final String APPROVE = "bk_approve";

    @Override
    void validate() {
        if ((data != null ? 1 : 0) + (approve ? 1 : 0) + (reject ? 1 : 0) != 1) {
            throw CliException.usage(Text.of("errors.cli.node.callback.one-of"));
        }
        // the data is read and checked before anything is asked of the server: a bad file is a usage error first
        if (data != null) {
            parsed = DataArgs.literalOrFile(parent.root.context(), data, "--data");
        }
    }

    @Override
    Map<String, Object> fields(BkopsCommand root, TaskNodes nodes, Node target) {
        String code = target.component() == null ? null : target.component().code();
        if (data != null) {
            // approve/v1_0.py plugin_schedule: callback_data["approve_result"]; without it the node fails
            if (APPROVE.equals(code) && !parsed.has("approve_result") && !force) {
                throw CliException.usage(Text.of("errors.cli.node.callback.approve-result", target.label()));
            }
        } else {
            if (!APPROVE.equals(code) && !force) {
                throw CliException.usage(code == null ? Text.of("errors.cli.node.callback.not-approval.no-plugin", target.label())
                        : Text.of("errors.cli.node.callback.not-approval", target.label(), code));
            }
            parsed = bkops.api.Json.object().put("approve_result", approve);
        }
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("data", parsed);
        if (version != null) {
            f.put("version", version);
        }
        return f;
    }
}
