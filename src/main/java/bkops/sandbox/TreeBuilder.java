package bkops.sandbox;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Builds a pipeline_tree in the bk-sops web format (pipeline_web/parser/format.py) with deterministic node ids, for the seeded templates. */
final class TreeBuilder {
    private final String seed;
    private int counter;
    final String start;
    final String end;
    private final Map<String, Object> startEvent;
    private final Map<String, Object> endEvent;
    private final Map<String, Object> activities = new LinkedHashMap<>();
    private final Map<String, Object> gateways = new LinkedHashMap<>();
    private final Map<String, Object> flows = new LinkedHashMap<>();
    private final Map<String, Object> constants = new LinkedHashMap<>();
    private final List<Object> location = new ArrayList<>();
    private final List<Object> line = new ArrayList<>();

    TreeBuilder(String seed) {
        this.seed = seed;
        start = nextId();
        end = nextId();
        startEvent = Json.obj("id", start, "name", "", "type", "EmptyStartEvent", "incoming", "", "outgoing", "", "labels", List.of());
        endEvent = Json.obj("id", end, "name", "", "type", "EmptyEndEvent", "incoming", new ArrayList<>(), "outgoing", "", "labels", List.of());
        place(start, "startpoint", null);
        place(end, "endpoint", null);
    }

    /** A node id like the engine's: "n" + 31 hex digits, stable for the same seed and position. */
    String nextId() {
        String hex = UUID.nameUUIDFromBytes((seed + "#" + counter++).getBytes(StandardCharsets.UTF_8)).toString().replace("-", "");
        return "n" + hex.substring(1);
    }

    String activity(String name, String code, Map<String, Object> inputs) {
        String id = nextId();
        Map<String, Object> data = new LinkedHashMap<>();
        inputs.forEach((k, v) -> data.put(k, Json.obj("hook", false, "need_render", true, "value", v)));
        activities.put(id, Json.obj("id", id, "type", "ServiceActivity", "name", name, "incoming", new ArrayList<>(), "outgoing", "",
                "component", Json.obj("code", code, "data", data, "version", "legacy"),
                "error_ignorable", false, "skippable", true, "retryable", true, "isSkipped", true, "can_retry", true,
                "optional", true, "stage_name", "", "labels", List.of(), "loop", null,
                "auto_retry", Json.obj("enable", false, "interval", 0, "times", 1),
                "timeout_config", Json.obj("enable", false, "seconds", 10, "action", "forced_fail")));
        place(id, "tasknode", name);
        return id;
    }

    /** Sets an activity's component version (default "legacy"): a plugin's outputs can differ by version. */
    @SuppressWarnings("unchecked")
    void componentVersion(String activityId, String version) {
        ((Map<String, Object>) ((Map<String, Object>) activities.get(activityId)).get("component")).put("version", version);
    }

    /** A SubProcess activity pointing at another template; its nested pipeline is unfolded when a task is created. */
    String subprocess(String name, long templateId, String templateSource) {
        String id = nextId();
        activities.put(id, Json.obj("id", id, "type", "SubProcess", "name", name, "incoming", new ArrayList<>(), "outgoing", "",
                "template_id", String.valueOf(templateId), "version", "sandbox-v1", "template_source", templateSource,
                "always_use_latest", false, "scheme_id_list", List.of(), "constants", new LinkedHashMap<>(),
                "hooked_constants", List.of(), "error_ignorable", false, "skippable", true, "retryable", true,
                "isSkipped", true, "can_retry", true, "optional", true, "stage_name", "", "labels", List.of(), "loop", null));
        place(id, "subflow", name);
        return id;
    }

    String gateway(String type, String name) {
        String id = nextId();
        Map<String, Object> g = Json.obj("id", id, "type", type, "name", name, "incoming", new ArrayList<>(), "outgoing", new ArrayList<>());
        if (!type.equals("ConvergeGateway")) g.put("converge_gateway_id", null);
        if (type.equals("ExclusiveGateway") || type.equals("ConditionalParallelGateway")) g.put("conditions", new LinkedHashMap<>());
        gateways.put(id, g);
        place(id, switch (type) {
            case "ParallelGateway" -> "parallelgateway";
            case "ConvergeGateway" -> "convergegateway";
            case "ConditionalParallelGateway" -> "conditionalparallelgateway";
            default -> "branchgateway";
        }, null);
        return id;
    }

    void converge(String diverging, String converging) {
        Json.map(gateways.get(diverging)).put("converge_gateway_id", converging);
    }

    @SuppressWarnings("unchecked")
    String flow(String source, String target) {
        String id = nextId();
        flows.put(id, Json.obj("id", id, "source", source, "target", target, "is_default", false));
        Map<String, Object> s = node(source);
        if (s.get("outgoing") instanceof List<?> l) ((List<Object>) l).add(id); else s.put("outgoing", id);
        Map<String, Object> t = node(target);
        if (t.get("incoming") instanceof List<?> l) ((List<Object>) l).add(id); else t.put("incoming", id);
        line.add(Json.obj("id", id, "source", Json.obj("id", source, "arrow", "Right"), "target", Json.obj("id", target, "arrow", "Left")));
        return id;
    }

    /** Links the nodes one after another. */
    void chain(String... nodes) {
        for (int i = 0; i + 1 < nodes.length; i++) flow(nodes[i], nodes[i + 1]);
    }

    void condition(String gateway, String flowId, String evaluate, String name) {
        Map<String, Object> g = Json.map(gateways.get(gateway));
        Map<String, Object> f = Json.map(flows.get(flowId));
        Json.map(g.get("conditions")).put(flowId, Json.obj("evaluate", evaluate, "name", name,
                "tag", "branch_" + f.get("source") + "_" + f.get("target")));
    }

    void constant(String key, String name, Object value, String showType) {
        constants.put(key, declaration(key, name, constants.size(), value, showType));
    }

    private static Map<String, Object> declaration(String key, String name, int index, Object value, String showType) {
        return Json.obj("key", key, "name", name, "index", index, "desc", "", "value", value,
                "show_type", showType, "source_type", "custom", "custom_type", "input", "source_tag", "", "source_info", Map.of(),
                "validation", "^.+$", "is_meta", false, "version", "legacy");
    }

    /** Sets one more field of a declared constant (custom_type, pre_render_mako...). */
    void constantField(String key, String field, Object value) {
        Json.map(constants.get(key)).put(field, value);
    }

    /** A child template's show-type constant as the SubProcess node passes it (its "constants", format.py params). */
    void passConstant(String subprocess, String key, String name, Object value, String customType) {
        Map<String, Object> passed = Json.map(Json.map(activities.get(subprocess)).get("constants"));
        Map<String, Object> d = declaration(key, name, passed.size(), value, "show");
        d.put("custom_type", customType);
        passed.put(key, d);
    }

    /** Older templates have no retryable/skippable (nor isSkipped/can_retry) on their activities. */
    void withoutRetryAndSkipKeys(String activity) {
        Map<String, Object> a = Json.map(activities.get(activity));
        for (String k : List.of("retryable", "skippable", "isSkipped", "can_retry")) a.remove(k);
    }

    /** A few trees write a node's single incoming flow as a plain string, as real exports do. */
    void incomingAsString(String nodeId) {
        Map<String, Object> n = node(nodeId);
        List<String> in = Json.ids(n.get("incoming"));
        if (in.size() == 1) n.put("incoming", in.get(0));
    }

    Map<String, Object> build() {
        Map<String, Object> tree = new LinkedHashMap<>();
        tree.put("start_event", startEvent);
        tree.put("end_event", endEvent);
        tree.put("activities", activities);
        tree.put("gateways", gateways);
        tree.put("flows", flows);
        tree.put("constants", constants);
        tree.put("outputs", new ArrayList<>(constants.keySet()));
        tree.put("line", line);
        tree.put("location", location);
        return tree;
    }

    private Map<String, Object> node(String id) {
        if (id.equals(start)) return startEvent;
        if (id.equals(end)) return endEvent;
        Map<String, Object> n = Json.map(activities.get(id));
        return n != null ? n : Json.map(gateways.get(id));
    }

    private void place(String id, String type, String name) {
        int i = location.size();
        Map<String, Object> loc = Json.obj("id", id, "type", type, "x", 80 + 160 * i, "y", 150);
        if (name != null) { loc.put("name", name); loc.put("stage_name", ""); }
        location.add(loc);
    }
}
