package bkops.render;

import bkops.model.Fixtures;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Builds small pipeline trees in the web format for tests; single incoming/outgoing become strings, as in real trees. */
final class TreeJson {

    private final ObjectNode tree = Fixtures.MAPPER.createObjectNode();
    private final ObjectNode nodes = Fixtures.MAPPER.createObjectNode();
    private int flowCount;

    TreeJson(String id) {
        tree.put("id", id);
        for (String key : new String[] {"activities", "gateways", "flows", "constants"}) {
            tree.putObject(key);
        }
        tree.putArray("outputs");
    }

    TreeJson start(String id) {
        tree.set("start_event", node(id, "EmptyStartEvent", ""));
        return this;
    }

    TreeJson end(String id) {
        tree.set("end_event", node(id, "EmptyEndEvent", ""));
        return this;
    }

    TreeJson activity(String id, String name, String code) {
        ObjectNode a = node(id, "ServiceActivity", name);
        a.putObject("component").put("code", code).put("version", "legacy").putObject("data");
        a.put("retryable", true).put("skippable", true).put("error_ignorable", false);
        ((ObjectNode) tree.get("activities")).set(id, a);
        return this;
    }

    TreeJson subprocess(String id, String name, TreeJson nested) {
        ObjectNode a = node(id, "SubProcess", name);
        a.put("template_id", "42");
        if (nested != null) {
            a.set("pipeline", nested.json());
        }
        ((ObjectNode) tree.get("activities")).set(id, a);
        return this;
    }

    TreeJson gateway(String id, String type) {
        ((ObjectNode) tree.get("gateways")).set(id, node(id, type, ""));
        return this;
    }

    TreeJson flow(String from, String to) {
        String id = "f" + (++flowCount);
        ((ObjectNode) tree.get("flows")).putObject(id).put("id", id).put("source", from).put("target", to)
                .put("is_default", false);
        ((ArrayNode) nodes.get(from).get("outgoing")).add(id);
        if (nodes.has(to)) {
            ((ArrayNode) nodes.get(to).get("incoming")).add(id);
        }
        return this;
    }

    /** A conditional branch; name or evaluate may be "". */
    TreeJson branch(String from, String to, String name, String evaluate) {
        flow(from, to);
        String id = "f" + flowCount;
        ((ObjectNode) nodes.get(from)).withObjectProperty("conditions").putObject(id).put("evaluate", evaluate).put("name", name)
                .put("tag", "branch_" + from + "_" + to);
        return this;
    }

    TreeJson defaultBranch(String from, String to, String name) {
        flow(from, to);
        ((ObjectNode) nodes.get(from)).putObject("default_condition").put("name", name).put("flow_id", "f" + flowCount)
                .put("tag", "default");
        return this;
    }

    TreeJson converges(String gateway, String converge) {
        ((ObjectNode) nodes.get(gateway)).put("converge_gateway_id", converge);
        return this;
    }

    ObjectNode json() {
        nodes.properties().forEach(e -> {
            ObjectNode n = (ObjectNode) e.getValue();
            for (String k : new String[] {"incoming", "outgoing"}) {
                JsonNode list = n.get(k);
                if (list.isArray() && list.size() <= 1 && !n.path("type").asText().endsWith("Gateway")) {
                    n.put(k, list.size() == 0 ? "" : list.get(0).asText());
                }
            }
        });
        return tree;
    }

    private ObjectNode node(String id, String type, String name) {
        ObjectNode n = Fixtures.MAPPER.createObjectNode().put("id", id).put("type", type).put("name", name);
        n.putArray("incoming");
        n.putArray("outgoing");
        nodes.set(id, n);
        return n;
    }
}
