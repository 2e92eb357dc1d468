package bkops.ops.node;

import bkops.api.ApiException;
import bkops.api.SopsApi;
import bkops.model.PipelineTree.Node;
import bkops.model.State;
import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Plans and applies one action on nodes of one task: each target is checked against its current state, then sent
 * (unless refused and not forced). One outcome per node; a failure on one node does not stop the others.
 */
public final class NodeOperator {
    private final SopsApi api;
    private final TaskNodes nodes;

    public NodeOperator(SopsApi api, TaskNodes nodes) {
        this.api = api;
        this.nodes = nodes;
    }

    /** One node to act on, as it is now. {@code refusal} is empty when the pre-check passes. */
    public record Target(Node node, String path, State state, Optional<String> refusal) {
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
            out.add(new Target(n, nodes.path(n), s, action.refusal(n, s)));
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
        body.put("action", action.api());
        body.putAll(fields);
        return new Request("operate_node", body);
    }

    public Outcome apply(NodeAction action, Target t, Map<String, Object> fields, boolean force) {
        if (t.refusal().isPresent() && !force) {
            return new Outcome(t, Result.REFUSED, t.refusal().get(), null);
        }
        try {
            send(action, t.node(), fields);
            return new Outcome(t, Result.SENT, action.verb() + " sent", null);
        } catch (ApiException e) {
            return new Outcome(t, Result.FAILED, e.getMessage(), e);
        }
    }

    private void send(NodeAction action, Node node, Map<String, Object> fields) {
        String task = nodes.taskId();
        if (action == NodeAction.CALLBACK) {
            api.nodeCallback(task, node.id(), (JsonNode) fields.get("data"), (String) fields.get("version"));
        } else {
            api.operateNode(task, node.id(), action.api(), fields);
        }
    }
}
