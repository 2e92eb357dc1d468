package bkops.sandbox;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A walkable view of a task's pipeline_tree, nested subprocess pipelines included (node ids are unique in a task).
 * Built once per loaded task; the tree itself stays the JSON-shaped map the API returns.
 */
final class TaskIndex {
    enum Kind { START, END, ACTIVITY, SUBPROCESS, GATEWAY }

    /** One node: its definition and the pipeline (root id or SubProcess activity id) that contains it. */
    record NodeDef(String id, Kind kind, String type, Map<String, Object> def, String pipelineId) {
        String name() {
            Object n = def.get("name");
            return kind == Kind.ACTIVITY || kind == Kind.SUBPROCESS ? (n == null ? "" : n.toString()) : "";
        }
    }

    final String rootId;
    private final Map<String, NodeDef> nodes = new HashMap<>();
    private final Map<String, Map<String, Object>> flows = new HashMap<>();
    private final Map<String, Map<String, Object>> pipelines = new HashMap<>();
    private final Map<String, List<String>> members = new HashMap<>();

    TaskIndex(Map<String, Object> tree) {
        rootId = String.valueOf(tree.get("id"));
        add(rootId, tree);
    }

    private void add(String pipelineId, Map<String, Object> tree) {
        pipelines.put(pipelineId, tree);
        List<String> own = new ArrayList<>();
        members.put(pipelineId, own);
        Map<String, Object> start = Json.map(tree.get("start_event"));
        Map<String, Object> end = Json.map(tree.get("end_event"));
        put(own, new NodeDef(Json.str(start.get("id")), Kind.START, "EmptyStartEvent", start, pipelineId));
        for (Object o : Json.map(tree.get("activities")).values()) {
            Map<String, Object> a = Json.map(o);
            boolean sub = "SubProcess".equals(a.get("type"));
            put(own, new NodeDef(Json.str(a.get("id")), sub ? Kind.SUBPROCESS : Kind.ACTIVITY, Json.str(a.get("type")), a, pipelineId));
            if (sub && a.get("pipeline") instanceof Map<?, ?>) add(Json.str(a.get("id")), Json.map(a.get("pipeline")));
        }
        Map<String, Object> gws = Json.map(tree.getOrDefault("gateways", Map.of()));
        for (Object o : gws.values()) {
            Map<String, Object> g = Json.map(o);
            put(own, new NodeDef(Json.str(g.get("id")), Kind.GATEWAY, Json.str(g.get("type")), g, pipelineId));
        }
        put(own, new NodeDef(Json.str(end.get("id")), Kind.END, "EmptyEndEvent", end, pipelineId));
        for (Object o : Json.map(tree.get("flows")).values()) {
            Map<String, Object> f = Json.map(o);
            flows.put(Json.str(f.get("id")), f);
        }
    }

    private void put(List<String> own, NodeDef d) {
        nodes.put(d.id(), d);
        own.add(d.id());
    }

    NodeDef node(String id) {
        return nodes.get(id);
    }

    /** The node ids of one pipeline in tree order. */
    List<String> members(String pipelineId) {
        return members.getOrDefault(pipelineId, List.of());
    }

    String target(String flowId) {
        Map<String, Object> f = flows.get(flowId);
        return f == null ? null : Json.str(f.get("target"));
    }

    boolean hasFlow(String flowId) {
        return flows.containsKey(flowId);
    }

    List<String> outgoing(String id) {
        return Json.ids(nodes.get(id).def().get("outgoing"));
    }

    String startOf(String pipelineId) {
        return Json.str(Json.map(pipelines.get(pipelineId).get("start_event")).get("id"));
    }

    /** The constants visible in a pipeline: its own, falling back to the root's. */
    Map<String, Object> constants(String pipelineId) {
        Map<String, Object> all = new LinkedHashMap<>();
        Json.map(pipelines.get(rootId).getOrDefault("constants", Map.of())).forEach((k, v) -> all.put(k, Json.map(v).get("value")));
        if (!pipelineId.equals(rootId)) {
            Json.map(pipelines.get(pipelineId).getOrDefault("constants", Map.of())).forEach((k, v) -> all.put(k, Json.map(v).get("value")));
        }
        return all;
    }

    /** The constants one pipeline declares, as its tree holds them (key -> declaration). */
    Map<String, Object> declared(String pipelineId) {
        return Json.map(pipelines.get(pipelineId).getOrDefault("constants", Map.of()));
    }

    /** SubProcess activity ids from the root down to the pipeline containing the node. */
    List<String> subprocessStack(String id) {
        List<String> stack = new ArrayList<>();
        String p = nodes.get(id).pipelineId();
        while (!p.equals(rootId)) {
            stack.add(0, p);
            p = nodes.get(p).pipelineId();
        }
        return stack;
    }

    int size() {
        return nodes.size();
    }
}
