package bkops.model;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A pipeline tree (bk-sops's web format: pipeline_web/parser/format.py) as a walkable graph. Nested SubProcess pipelines (task trees, or templates
 * read with unfold_subprocess) become nested PipelineTrees; lookups by id search them too, since node ids are unique
 * across a task. Nothing here assumes the graph is well formed: flows may point at missing nodes and may form cycles.
 */
public final class PipelineTree {

    public enum NodeType {
        START, END, SERVICE, SUBPROCESS, EXCLUSIVE, PARALLEL, CONDITIONAL_PARALLEL, CONVERGE, UNKNOWN;

        public boolean isGateway() {
            return this == EXCLUSIVE || this == PARALLEL || this == CONDITIONAL_PARALLEL || this == CONVERGE;
        }

        static NodeType of(String type) {
            return switch (type) {
                case "EmptyStartEvent" -> START;
                case "EmptyEndEvent", "ExecutableEndEvent" -> END;
                case "ServiceActivity" -> SERVICE;
                case "SubProcess" -> SUBPROCESS;
                case "ExclusiveGateway" -> EXCLUSIVE;
                case "ParallelGateway" -> PARALLEL;
                case "ConditionalParallelGateway" -> CONDITIONAL_PARALLEL;
                case "ConvergeGateway" -> CONVERGE;
                default -> UNKNOWN;
            };
        }
    }

    public record Flow(String id, String source, String target, boolean isDefault) {
    }

    /** A gateway condition keyed by the outgoing flow it guards (the key skip_exg takes). */
    public record Condition(String flowId, String name, String evaluate, String tag) {
    }

    /** A ServiceActivity's plugin: code, version and raw input map (input key → {hook, value, ...}). */
    public record Component(String code, String version, Map<String, JsonNode> inputs) {
    }

    /**
     * One node of any kind. Fields that do not apply to a kind are null/empty/false: {@code component} is set only for
     * ServiceActivity, {@code templateId}/{@code subprocess} only for SubProcess, {@code conditions}/{@code defaultFlowId}/
     * {@code convergeGatewayId} only for diverging gateways.
     */
    public record Node(String id, NodeType type, String rawType, String name, List<String> incoming,
                       List<String> outgoing, Component component, boolean retryable, boolean skippable,
                       boolean errorIgnorable, String templateNodeId, String templateId, PipelineTree subprocess,
                       Map<String, Condition> conditions, String defaultFlowId, String convergeGatewayId) {

        /** Branch name for an outgoing flow: condition name, else its expression, else the flow id. */
        public String branchLabel(String flowId) {
            Condition c = conditions.get(flowId);
            if (c != null && !c.name().isBlank()) {
                return c.name();
            }
            if (c != null && !c.evaluate().isBlank()) {
                return c.evaluate();
            }
            // Parallel branches have no condition: number them as drawn (the flow id is in the wide view).
            int i = outgoing.indexOf(flowId);
            return i >= 0 ? "branch " + (i + 1) : flowId;
        }

        /** The name the operator knows a node by; events and unnamed gateways fall back to their kind. */
        public String label() {
            if (!name.isBlank()) {
                return name;
            }
            return switch (type) {
                case START -> "start";
                case END -> "end";
                default -> rawType;
            };
        }
    }

    private final String id;
    private final Node start;
    private final Node end;
    private final Map<String, Node> nodes;
    private final Map<String, Flow> flows;
    private final Map<String, Constant> constants;
    private final List<String> outputs;
    /** Every node of this tree and nested ones → the SubProcess ids leading to it; built on the root only. */
    private Map<String, Located> index;

    private record Located(Node node, List<String> stack) {
    }

    private PipelineTree(String id, Node start, Node end, Map<String, Node> nodes, Map<String, Flow> flows,
                         Map<String, Constant> constants, List<String> outputs) {
        this.id = id;
        this.start = start;
        this.end = end;
        this.nodes = nodes;
        this.flows = flows;
        this.constants = constants;
        this.outputs = outputs;
    }

    public static PipelineTree parse(JsonNode tree) {
        Map<String, Node> nodes = new LinkedHashMap<>();
        Node start = addNode(nodes, tree.get("start_event"));
        tree.path("activities").forEach(a -> addNode(nodes, a));
        tree.path("gateways").forEach(g -> addNode(nodes, g));
        Node end = addNode(nodes, tree.get("end_event"));
        Map<String, Flow> flows = new LinkedHashMap<>();
        tree.path("flows").properties().forEach(e -> {
            JsonNode f = e.getValue();
            String fid = Json.text(f, "id").isEmpty() ? e.getKey() : Json.text(f, "id");
            flows.put(fid, new Flow(fid, Json.text(f, "source"), Json.text(f, "target"), Json.bool(f, false, "is_default")));
        });
        Map<String, Constant> constants = new LinkedHashMap<>();
        tree.path("constants").properties().forEach(e -> constants.put(e.getKey(), Constant.parse(e.getKey(), e.getValue())));
        List<String> outputs = new ArrayList<>();
        tree.path("outputs").forEach(o -> outputs.add(o.asText()));
        PipelineTree parsed = new PipelineTree(Json.textOrNull(tree, "id"), start, end, Collections.unmodifiableMap(nodes),
                Collections.unmodifiableMap(flows), Collections.unmodifiableMap(constants), List.copyOf(outputs));
        parsed.index = new HashMap<>();
        parsed.indexInto(parsed.index, List.of());
        return parsed;
    }

    private void indexInto(Map<String, Located> into, List<String> stack) {
        for (Node n : nodes.values()) {
            into.putIfAbsent(n.id(), new Located(n, stack));
            if (n.subprocess() != null) {
                List<String> deeper = new ArrayList<>(stack);
                deeper.add(n.id());
                n.subprocess().indexInto(into, List.copyOf(deeper));
            }
        }
    }

    private static Node addNode(Map<String, Node> nodes, JsonNode n) {
        if (n == null || !n.isObject()) {
            return null;
        }
        Node node = parseNode(n);
        nodes.putIfAbsent(node.id(), node);
        return node;
    }

    private static Node parseNode(JsonNode n) {
        String rawType = Json.text(n, "type");
        NodeType type = NodeType.of(rawType);
        Component component = null;
        if (n.has("component")) {
            JsonNode c = n.get("component");
            Map<String, JsonNode> inputs = new LinkedHashMap<>();
            c.path("data").properties().forEach(e -> inputs.put(e.getKey(), e.getValue()));
            component = new Component(Json.text(c, "code"), Json.text(c, "version"), Collections.unmodifiableMap(inputs));
        }
        Map<String, Condition> conditions = new LinkedHashMap<>();
        n.path("conditions").properties().forEach(e -> conditions.put(e.getKey(), new Condition(e.getKey(),
                Json.text(e.getValue(), "name"), Json.text(e.getValue(), "evaluate"), Json.text(e.getValue(), "tag"))));
        String defaultFlow = Json.textOrNull(n.path("default_condition"), "flow_id");
        if (defaultFlow != null && !conditions.containsKey(defaultFlow)) {
            JsonNode d = n.get("default_condition");
            conditions.put(defaultFlow, new Condition(defaultFlow, Json.text(d, "name"), "", Json.text(d, "tag")));
        }
        JsonNode pipeline = n.get("pipeline");
        PipelineTree sub = pipeline != null && pipeline.isObject() && pipeline.has("start_event") ? parse(pipeline) : null;
        return new Node(Json.text(n, "id"), type, rawType, Json.text(n, "name"), List.copyOf(Json.strings(n, "incoming")),
                List.copyOf(Json.strings(n, "outgoing")), component, retryable(n, type), skippable(n, type),
                Json.bool(n, false, "error_ignorable"), Json.textOrNull(n, "template_node_id"),
                Json.textOrNull(n, "template_id"), sub, Collections.unmodifiableMap(conditions), defaultFlow,
                Json.textOrNull(n, "converge_gateway_id"));
    }

    /**
     * Whether the engine lets the node be retried. An activity without "retryable" takes "can_retry", else true
     * (bk-sops pipeline_web/parser/format.py format_web_data_to_pipeline: act.get("can_retry", True)); every other
     * kind is retryable (bamboo-pipeline pipeline/eri/runtime.py: "can_retry": True for events, gateways, SubProcess).
     */
    private static boolean retryable(JsonNode n, NodeType type) {
        return type != NodeType.SERVICE || flag(n, "retryable", "can_retry");
    }

    /**
     * The engine's can_skip: an activity's "skippable", else "isSkipped", else true (format.py); the start event and
     * exclusive gateways yes, other kinds no (pipeline/eri/runtime.py _gen_event_node, _gen_gateway_node,
     * _gen_subproc_node).
     */
    private static boolean skippable(JsonNode n, NodeType type) {
        return switch (type) {
            case SERVICE -> flag(n, "skippable", "isSkipped");
            case START, EXCLUSIVE -> true;
            default -> false;
        };
    }

    /** format.py: the key when present (null counts as false, as Python reads None), else the legacy key, else true. */
    private static boolean flag(JsonNode n, String key, String legacyKey) {
        for (String k : new String[] {key, legacyKey}) {
            if (n.has(k)) {
                return !n.get(k).isNull() && Json.bool(n, false, k);
            }
        }
        return true;
    }

    /** The tree's own id (task trees and nested pipelines carry one; templates usually do not); may be null. */
    public String id() {
        return id;
    }

    public Node start() {
        return start;
    }

    public Node end() {
        return end;
    }

    /** This level's nodes in document order: start event, activities, gateways, end event. */
    public Map<String, Node> nodes() {
        return nodes;
    }

    public Map<String, Flow> flows() {
        return flows;
    }

    public Map<String, Constant> constants() {
        return constants;
    }

    public List<String> outputs() {
        return outputs;
    }

    /** Outgoing flows of a node of this level that exist, in the node's declared order. */
    public List<Flow> outgoingFlows(Node node) {
        List<Flow> out = new ArrayList<>(node.outgoing().size());
        for (String fid : node.outgoing()) {
            Flow f = flows.get(fid);
            if (f != null) {
                out.add(f);
            }
        }
        return out;
    }

    /** True when the flow is the branch taken when no condition matches. */
    public boolean isDefault(Node gateway, Flow flow) {
        return flow.isDefault() || flow.id().equals(gateway.defaultFlowId());
    }

    /** A node by id at any depth. */
    public Optional<Node> node(String nodeId) {
        Located l = index.get(nodeId);
        return l == null ? Optional.empty() : Optional.of(l.node());
    }

    /** The task node created from a template node (task trees carry template_node_id), at any depth. */
    public Optional<Node> nodeByTemplateNodeId(String templateNodeId) {
        return index.values().stream().map(Located::node)
                .filter(n -> templateNodeId.equals(n.templateNodeId())).findFirst();
    }

    /** Nodes with exactly this name, at any depth, in document order. */
    public List<Node> nodesByName(String name) {
        List<Node> out = new ArrayList<>();
        collectByName(name, out);
        return out;
    }

    /** Nodes whose name contains {@code part}, ignoring case (nested subprocesses included); unnamed nodes never match. */
    public List<Node> nodesNameContaining(String part) {
        List<Node> out = new ArrayList<>();
        collectContaining(part.toLowerCase(java.util.Locale.ROOT), out);
        return out;
    }

    private void collectContaining(String part, List<Node> out) {
        for (Node n : nodes.values()) {
            if (!n.name().isEmpty() && n.name().toLowerCase(java.util.Locale.ROOT).contains(part)) {
                out.add(n);
            }
            if (n.subprocess() != null) {
                n.subprocess().collectContaining(part, out);
            }
        }
    }

    private void collectByName(String name, List<Node> out) {
        for (Node n : nodes.values()) {
            if (n.name().equals(name)) {
                out.add(n);
            }
            if (n.subprocess() != null) {
                n.subprocess().collectByName(name, out);
            }
        }
    }

    /**
     * SubProcess activity ids from the root down to the subprocess containing the node (the API's subprocess_stack);
     * empty for a root-level node, and empty when the node is unknown.
     */
    public List<String> subprocessStack(String nodeId) {
        Located l = index.get(nodeId);
        return l == null ? List.of() : l.stack();
    }

    /** Number of nodes at every depth (events, activities and gateways). */
    public int nodeCount() {
        return index.size();
    }
}
