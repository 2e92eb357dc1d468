package bkops.ops.node;

import bkops.api.ApiException;
import bkops.api.InDoubtException;
import bkops.api.Sleeper;
import bkops.api.SopsApi;
import bkops.i18n.Text;
import bkops.model.PipelineTree.Node;
import bkops.model.State;
import bkops.model.TaskStatus;
import bkops.ops.Change;
import bkops.ops.ReadBack;
import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Plans and applies one action on nodes of one task: each target is checked against its current state, then sent
 * (unless refused and not forced). One outcome per node; a failure on one node does not stop the others.
 */
public final class NodeOperator {
    private final SopsApi api;
    private final TaskNodes nodes;
    private final ReadBack readBack;

    /** @param sleeper how to wait between read-backs after a lost reply (tests move a simulated clock) */
    public NodeOperator(SopsApi api, TaskNodes nodes, Sleeper sleeper) {
        this.api = api;
        this.nodes = nodes;
        this.readBack = new ReadBack(sleeper);
    }

    /** One node to act on, as it is now. {@code refusalText} is empty when the pre-check passes. */
    public record Target(Node node, String path, State state, Optional<bkops.i18n.Text> refusalText) {
        /** Why the pre-check refuses it, in English (results for machines, logs); empty when it passes. */
        public Optional<String> refusal() {
            return refusalText.map(bkops.i18n.Text::english);
        }
    }

    /** What came of one node. {@code error} is set when the server refused or could not be reached. */
    public record Outcome(Target target, Result result, String message, ApiException error) {
        public boolean ok() {
            return result == Result.SENT;
        }
    }

    public enum Result { SENT, REFUSED, FAILED }

    /**
     * The request for one node: the endpoint's name and the body fields beyond the credentials and business scope.
     * Callback goes through node_callback ({@code callback_data}, optional {@code version}); the rest through operate_node.
     */
    public record Request(String endpoint, Map<String, Object> body) {
    }

    public List<Target> plan(NodeAction action, List<Node> selected) {
        List<Target> out = new ArrayList<>();
        for (Node n : selected) {
            State s = nodes.state(n);
            out.add(new Target(n, nodes.path(n), s, action.refusalText(n, s, nodes.engineState(n))));
        }
        return out;
    }

    /**
     * The request for an action. {@code fields}: retry {@code inputs}, skip-gateway {@code flow_id}, callback
     * {@code data} and optional {@code version}; never an empty {@code inputs} (older servers wiped inputs on it).
     */
    public Request request(NodeAction action, Node node, Map<String, Object> fields) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("task_id", nodes.taskId());
        body.put("node_id", node.id());
        if (action == NodeAction.CALLBACK) {
            body.put("callback_data", fields.get("data"));
            if (fields.get("version") != null) {
                body.put("version", fields.get("version"));
            }
            return new Request("node_callback", body);
        }
        body.put("action", action.api(node));
        body.putAll(fields);
        return new Request("operate_node", body);
    }

    /**
     * The action on one target as a change. {@code fields} (retry inputs, skip-gateway's flow, callback data) are
     * worked out when first needed, after the state check and the confirmation: working them out may read the server
     * or refuse the operator's options.
     */
    public NodeChange change(NodeAction action, Target t, Supplier<Map<String, Object>> fields) {
        return new NodeChange(action, t, fields);
    }

    /** One node's change; its answer an {@link Outcome} (FAILED with the error when the server refused or was not reached). */
    public final class NodeChange implements Change<Outcome> {
        private final NodeAction action;
        private final Target target;
        private final Supplier<Map<String, Object>> fields;
        private Map<String, Object> given;

        private NodeChange(NodeAction action, Target target, Supplier<Map<String, Object>> fields) {
            this.action = action;
            this.target = target;
            this.fields = fields;
        }

        public Target target() {
            return target;
        }

        private Map<String, Object> fields() {
            if (given == null) {
                given = fields.get();
            }
            return given;
        }

        @Override
        public String what() {
            return action.verb() + " node " + target.path() + " (" + target.node().id() + ") of task " + nodes.taskId();
        }

        @Override
        public Text whatText() {
            String node = target.path() + " (" + target.node().id() + ")";
            String key = switch (action) {
                case RETRY -> "errors.ops.what.node.retry";
                case SKIP -> "errors.ops.what.node.skip";
                case SKIP_GATEWAY -> "errors.ops.what.node.skip-gateway";
                case CALLBACK -> "errors.ops.what.node.callback";
                case PAUSE -> "errors.ops.what.node.pause";
                case RESUME -> "errors.ops.what.node.resume";
                case PAUSE_SUBPROCESS -> "errors.ops.what.node.pause-subprocess";
                case RESUME_SUBPROCESS -> "errors.ops.what.node.resume-subprocess";
                case FORCED_FAIL -> "errors.ops.what.node.forced-fail";
            };
            return Text.of(key, node, nodes.taskId());
        }

        @Override
        public boolean destructive() {
            return action.destructive();
        }

        @Override
        public Optional<String> refusal() {
            return target.refusal();
        }

        @Override
        public Optional<bkops.i18n.Text> refusalText() {
            return target.refusalText();
        }

        @Override
        public List<bkops.ops.Request> requests() {
            Request r = request(action, target.node(), fields());
            return List.of(new bkops.ops.Request(r.endpoint(), r.body()));
        }

        @Override
        public Outcome send() {
            return apply(action, target, fields(), true);
        }
    }

    public Outcome apply(NodeAction action, Target t, Map<String, Object> fields, boolean force) {
        if (t.refusal().isPresent() && !force) {
            return new Outcome(t, Result.REFUSED, t.refusal().get(), null);
        }
        try {
            send(action, t.node(), fields);
            return new Outcome(t, Result.SENT, action.verb() + " sent", null);
        } catch (InDoubtException e) {
            return readBack(action, t, e);
        } catch (ApiException e) {
            return new Outcome(t, Result.FAILED, e.getMessage(), e);
        }
    }

    /**
     * The reply was lost: the operation may or may not have been applied and is never sent again. Read the node back
     * (past the server's status cache) over a short window, since the write may land late: a new state, version or
     * retry count shows it took effect (a retried node may fail again within the window); nothing new stays in doubt.
     */
    private Outcome readBack(NodeAction action, Target t, InDoubtException lost) {
        Optional<TaskStatus.NodeState> before = nodes.status().find(t.node().id());
        State[] last = {t.state()};
        Text check = Text.of("errors.ops.read-back.check-node", nodes.taskId(), t.node().id());
        Optional<State> changed;
        try {
            changed = readBack.await(() -> {
                TaskNodes now = TaskNodes.load(api, nodes.taskId());
                Optional<TaskStatus.NodeState> after = now.status().find(t.node().id());
                last[0] = now.state(t.node());
                boolean moved = last[0] != t.state() || !version(before).equals(version(after));
                return moved ? Optional.of(last[0]) : Optional.empty();
            });
        } catch (ApiException unreadable) {
            return inDoubt(t, lost, Text.of("errors.ops.read-back.unreadable", ReadBack.said(lost),
                    ReadBack.said(unreadable), check));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return inDoubt(t, lost, Text.of("errors.ops.read-back.interrupted", ReadBack.said(lost), check));
        }
        if (changed.isPresent()) {
            return new Outcome(t, Result.SENT, action.verb() + " sent; the reply was lost but the node is now "
                    + changed.get() + " (was " + t.state() + "), so it took effect", null);
        }
        return inDoubt(t, lost, Text.of("errors.ops.read-back.node-not-seen", ReadBack.said(lost), last[0],
                ReadBack.WINDOW.toSeconds(), action.verb(), check));
    }

    /** What changes each time the engine runs a node again: its version and retry count. */
    private static String version(Optional<TaskStatus.NodeState> n) {
        return n.map(x -> x.version() + "/" + x.retry()).orElse("");
    }

    private static Outcome inDoubt(Target t, InDoubtException lost, Text message) {
        return new Outcome(t, Result.FAILED, message.english(),
                new ApiException(ApiException.Kind.TRANSPORT, lost.api(), null, null, null, null, message, lost));
    }

    private void send(NodeAction action, Node node, Map<String, Object> fields) {
        String task = nodes.taskId();
        if (action == NodeAction.CALLBACK) {
            api.nodeCallback(task, node.id(), (JsonNode) fields.get("data"), (String) fields.get("version"));
        } else {
            api.operateNode(task, node.id(), action.api(node), fields);
        }
    }
}
