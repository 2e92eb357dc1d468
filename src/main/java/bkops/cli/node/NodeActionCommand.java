package bkops.cli.node;

import bkops.ExitCode;
import bkops.api.ApiException;
import bkops.api.Json;
import bkops.cli.BkopsCommand;
import bkops.cli.ChangeRunner;
import bkops.cli.CliException;
import bkops.cli.DryRun;
import bkops.cli.GlobalUse;
import bkops.cli.Ids;
import bkops.cli.Output;
import bkops.cli.OutputFormat;
import bkops.cli.Result;
import bkops.i18n.Text;
import bkops.model.PipelineTree.Node;
import bkops.ops.Bulk;
import bkops.ops.Request;
import bkops.ops.node.NodeAction;
import bkops.ops.node.NodeOperator.Outcome;
import bkops.ops.node.NodeOperator.Target;
import bkops.ops.node.NodeOperator;
import bkops.ops.node.TaskNodes;
import bkops.render.TerminalText;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * The flow every node verb shares: load the task's nodes, select the target(s), pre-check their states, confirm when
 * needed, send, report one result per node. A verb supplies its action and the body fields it adds.
 */
@GlobalUse(dryRun = GlobalUse.DryRun.PREVIEW, formats = {OutputFormat.TABLE, OutputFormat.JSON, OutputFormat.JSONL})
abstract class NodeActionCommand implements Callable<Result> {
    @ParentCommand
    NodeCommand parent;

    @Parameters(index = "0", paramLabel = "TASK", description = "Task id.")
    Ids.Task taskId;

    /** The task id, as the server takes it. */
    String task;

    @Option(names = "--force", description = "Send even when the node's current state says the action cannot work "
            + "(the server has the last word).")
    boolean force;

    abstract NodeAction action();

    /** The node reference typed by the operator (id or unique name); null when selecting by --failed. */
    abstract String nodeRef();

    /** True when the verb selects every failed node instead of one. */
    boolean selectFailed() {
        return false;
    }

    /** Checks of the verb's own options, before anything is read from the server. */
    void validate() {
    }

    /** Body fields the verb adds for this node (inputs, flow_id, callback data); empty by default. */
    Map<String, Object> fields(BkopsCommand root, TaskNodes nodes, Node node) {
        return Map.of();
    }

    @Override
    public Result call() {
        BkopsCommand root = parent.root;
        Output out = root.session().output();
        ChangeRunner runner = new ChangeRunner(root, force);
        runner.format(); // an -o the run cannot give is refused before anything is read
        task = taskId.value();
        if (selectFailed() == (nodeRef() != null)) {
            throw CliException.usage(Text.of("errors.cli.node.node-or-failed"));
        }
        validate();
        TaskNodes nodes = TaskNodes.load(root.session().sops(), task);
        List<Node> selected = selectFailed() ? nodes.failed() : List.of(NodeCommand.resolve(nodes, nodeRef(), out));
        if (selected.isEmpty()) {
            out.info(out.style().text("notice.cli.node.no-failed", task, action().verb()));
            return Result.none();
        }
        NodeOperator op = new NodeOperator(root.session().sops(), nodes, root.context().sleeper());
        List<NodeOperator.NodeChange> changes = op.plan(action(), selected).stream()
                .map(t -> op.change(action(), t, () -> fields(root, nodes, t.node()))).toList();
        if (changes.size() > 1 || runner.dryRun()) {
            preview(out, changes.stream().map(NodeOperator.NodeChange::target).toList());
        }
        if (runner.dryRun()) {
            // a node its state refuses is listed as not sent (it would not be, without --force)
            List<Request> requests = new ArrayList<>();
            List<String> lines = new ArrayList<>();
            for (NodeOperator.NodeChange c : changes) {
                Target t = c.target();
                if (t.refusal().isPresent() && !force) {
                    lines.add("would not send (" + t.refusal().get() + ")");
                    requests.add(new Request(action() == NodeAction.CALLBACK ? "node_callback" : "operate_node",
                            Map.of("task_id", task, "node_id", t.node().id(), "not_sent", t.refusal().get())));
                    continue;
                }
                Request r = c.requests().get(0);
                lines.add("would send " + r.api() + " " + Json.write(r.params()));
                requests.add(r);
            }
            return runner.previewRequests(requests, (w, f, style) -> lines.forEach(w::println));
        }
        if (changes.size() == 1) {
            // one node: a refusal or a server error ends the command with its own exit code, reported as one line
            Outcome o = runner.send(changes.get(0));
            if (o.error() != null) {
                throw o.error();
            }
            return result(List.of(o));
        }
        // one after another, as before; the batch says what was sent when Ctrl-C comes
        ChangeRunner.Batch<NodeOperator.NodeChange, Outcome> batch = runner.sendAll(changes, 1,
                root.messages().get("notice.cli.node.confirm-many", action().verb(), changes.size(), task));
        List<Outcome> outcomes = new ArrayList<>();
        for (Bulk.Item<NodeOperator.NodeChange, Outcome> i : batch.answered()) {
            // refused by its state (without --force): not sent, said so
            outcomes.add(i.ok() ? i.value() : new Outcome(i.input().target(), NodeOperator.Result.REFUSED,
                    i.error().getMessage(), null));
        }
        if (batch.interrupted()) {
            return result(outcomes).exit(ExitCode.INTERRUPTED).say(batch.interruptReport(root.messages().get(
                    "notice.cli.node.interrupted-what", action().verb(), changes.size(), task), c -> label(c.target()),
                    inDoubt -> "bkops task status " + task));
        }
        long failed = outcomes.stream().filter(o -> !o.ok()).count();
        Result r = result(outcomes);
        if (failed > 0) {
            return r.exit(ExitCode.PARTIAL).say(root.messages().get("notice.cli.node.some-failed", action().verb(), failed,
                    outcomes.size()));
        }
        return r;
    }

    private static String label(Target t) {
        return t.path() + " (" + t.node().id() + ")";
    }

    /** What will be done, on stderr, before asking. */
    private void preview(Output out, List<Target> targets) {
        out.info(out.style().text(targets.size() == 1 ? "notice.cli.node.preview.one" : "notice.cli.node.preview",
                action().verb(), targets.size(), task));
        for (Target t : targets) {
            String note = t.refusal().map(r -> "  " + out.style().text(force ? "notice.cli.node.preview.forced"
                    : "notice.cli.node.preview.refused", r)).orElse("");
            out.info("  " + out.style().stateLabel(t.state()) + "  " + t.path() + "  " + t.node().id() + note);
        }
    }

    /** The outcomes: one object (or one per node) as JSON, a line per node otherwise. */
    private Result result(List<Outcome> outcomes) {
        ArrayNode arr = Json.mapper().createArrayNode();
        outcomes.forEach(o -> arr.add(json(o)));
        return Result.of(outcomes.size() == 1 ? arr.get(0) : arr).show((w, f, style) -> {
            for (Outcome o : outcomes) {
                String mark = o.ok() ? style.green("✔") : style.red("✖");
                w.println(mark + " " + TerminalText.line(action().verb() + " " + o.target().path() + " ("
                        + o.target().node().id() + "): "
                        + (o.error() == null ? o.message() : bkops.cli.ErrorReporter.describe(o.error(), style.messages()))));
            }
        });
    }

    private ObjectNode json(Outcome o) {
        ObjectNode n = Json.object();
        n.put("task_id", task);
        n.put("node_id", o.target().node().id());
        n.put("name", o.target().node().name());
        n.put("path", o.target().path());
        n.put("action", action().api(o.target().node()));
        n.put("result", o.result().name().toLowerCase(java.util.Locale.ROOT));
        n.put("message", o.message());
        ApiException e = o.error();
        if (e != null) {
            n.put("code", e.code());
            n.put("request_id", e.requestId());
        }
        return n;
    }
}
