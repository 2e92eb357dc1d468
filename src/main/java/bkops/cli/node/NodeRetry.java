package bkops.cli.node;

import bkops.api.Json;
import bkops.cli.BkopsCommand;
import bkops.cli.CliException;
import bkops.i18n.Text;
import bkops.model.PipelineTree.Node;
import bkops.ops.node.NodeAction;
import bkops.ops.node.TaskNodes;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.util.List;
import java.util.Map;
import java.util.TreeSet;

@Command(name = "retry",
        header = "Retry a FAILED node, with its previous inputs or with some of them changed.",
        description = {"Sends operate_node retry. Without --input/--inputs-file no inputs field is sent, so the node "
                + "runs again with its previous inputs (an empty object wiped them on older servers).",
                "With changes, the node's current inputs are read (get_task_node_detail) and the changed keys "
                        + "replaced, so the server gets the whole set. A key the node does not have is refused unless --force.",
                "A SubProcess node that failed itself (its parameters could not be prepared, so nothing inside it ran) "
                        + "is retried with operate_node retry_subprocess, as the web UI does; it takes no inputs.",
                "A failed start event (the task's variables could not be prepared) is retried like any node.",
                "--failed retries every failed node of the task after listing them (no input changes then)."},
        footerHeading = "%nExamples:%n",
        footer = {"bkops node retry 12 '执行脚本 run script'",
                "bkops node retry 12 '执行脚本 run script' --input job_content='echo ok'",
                "echo '{\"job_content\": \"echo ok\"}' | bkops node retry 12 n1a2b3c4d5e6f7a8b9c0d1e2f3a4b5c6 --inputs-file -",
                "bkops node retry 12 --failed --yes"})
public final class NodeRetry extends NodeActionCommand {
    @Parameters(index = "1", arity = "0..1", paramLabel = "NODE", description = "Node id, or its name when unique in the task.")
    String node;

    @Option(names = "--failed", description = "Every failed node of the task, in parallel branches and subprocesses too.")
    boolean failed;

    @Option(names = "--input", paramLabel = "KEY=VALUE", description = "Change one input of the node (repeatable); the value is sent as a string.")
    List<String> inputs;

    @Option(names = "--inputs-file", paramLabel = "FILE|-", description = "A JSON object of inputs to change ('-' reads stdin); --input wins on the same key.")
    String inputsFile;

    @Override
    NodeAction action() {
        return NodeAction.RETRY;
    }

    @Override
    String nodeRef() {
        return node;
    }

    @Override
    boolean selectFailed() {
        return failed;
    }

    @Override
    void validate() {
        if (failed && (inputs != null || inputsFile != null)) {
            throw CliException.usage(Text.of("errors.cli.node.retry.inputs-failed"));
        }
    }

    @Override
    Map<String, Object> fields(BkopsCommand root, TaskNodes nodes, Node target) {
        if (inputs == null && inputsFile == null) {
            return Map.of();
        }
        if (target.type() == bkops.model.PipelineTree.NodeType.SUBPROCESS) {
            // bk-sops dispatchers/node.py retry_subprocess_v2 passes no inputs to the engine
            throw CliException.usage(Text.of("errors.cli.node.retry.subprocess-inputs", target.label()));
        }
        ObjectNode changes = inputsFile == null ? Json.object() : DataArgs.object(root.context(), inputsFile, "--inputs-file");
        for (String pair : inputs == null ? List.<String>of() : inputs) {
            int eq = pair.indexOf('=');
            if (eq < 1) {
                throw CliException.usage(Text.of("errors.cli.key-value.needs", "--input", pair));
            }
            changes.put(pair.substring(0, eq), pair.substring(eq + 1));
        }
        JsonNode current = root.session().sops().nodeDetail(task, target.id(),
                nodes.tree().subprocessStack(target.id()),
                target.component() == null ? null : target.component().code()).path("inputs");
        TreeSet<String> known = new TreeSet<>();
        current.fieldNames().forEachRemaining(known::add);
        if (target.component() != null) {
            known.addAll(target.component().inputs().keySet());
        }
        changes.fieldNames().forEachRemaining(k -> {
            if (!known.contains(k) && !force) {
                throw CliException.usage(Text.of("errors.cli.node.retry.no-input", target.label(), k, String.join(", ", known)));
            }
        });
        ObjectNode merged = current.isObject() ? ((ObjectNode) current).deepCopy() : Json.object();
        merged.setAll(changes);
        return Map.of("inputs", merged);
    }
}
