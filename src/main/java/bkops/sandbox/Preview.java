package bkops.sandbox;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * preview_task_tree: bk-sops pipeline_web/preview.py preview_template_tree over
 * pipeline_web/preview_base.py PipelineTemplateWebPreviewer.preview_pipeline_tree_exclude_task_nodes, step for step:
 * each excluded activity is cut out of the graph (_ignore_act), parallel gateways left with empty branches shrink or
 * go with their converge gateway (_remove_useless_parallel), and only the constants still referred to survive
 * (_remove_useless_constants); the template's constants that went are constants_not_referred.
 */
final class Preview {
    /** A ${...} reference's variable name, as pipeline.core.data.expression ConstantTemplate.get_reference finds it. */
    private static final Pattern REF = Pattern.compile("\\$\\{\\s*([A-Za-z_][A-Za-z0-9_]*)");

    private Preview() {}

    /** The preview of a copy of {@code templateTree}; IllegalArgumentException carries the Python exception's text. */
    static Map<String, Object> of(Map<String, Object> templateTree, List<String> exclude) {
        Map<String, Object> tree = Json.copy(templateTree);
        Map<String, Object> templateConstants = Json.copy(Json.map(tree.get("constants")));
        excludeNodes(tree, exclude);
        Map<String, Object> kept = Json.map(tree.get("constants"));
        Map<String, Object> notReferred = new LinkedHashMap<>();
        templateConstants.forEach((k, v) -> {
            if (!kept.containsKey(k)) notReferred.put(k, v);
        });
        return Json.obj("pipeline_tree", tree, "constants_not_referred", notReferred);
    }

    /** preview_pipeline_tree_exclude_task_nodes. */
    static void excludeNodes(Map<String, Object> tree, List<String> exclude) {
        Map<String, Map<String, Object>> locations = byId(tree.get("location"));
        Map<String, Map<String, Object>> lines = byId(tree.get("line"));
        Map<String, Object> activities = Json.map(tree.get("activities"));
        for (String id : exclude) {
            if (!activities.containsKey(id)) throw new IllegalArgumentException("task node[id=" + id + "] is not in template pipeline tree");
            Map<String, Object> act = Json.map(activities.remove(id));
            // act["optional"]: a KeyError when the key is missing, whose text is the quoted key
            if (!act.containsKey("optional")) throw new IllegalArgumentException("'optional'");
            if (!Py.truthy(act.get("optional"))) throw new IllegalArgumentException("task node[id=" + id + "] is not optional");
            ignoreAct(act, locations, lines, tree);
        }
        removeUselessParallel(tree, lines, locations);
        tree.put("line", new ArrayList<Object>(lines.values()));
        tree.put("location", new ArrayList<Object>(locations.values()));
        removeUselessConstants(exclude, tree);
    }

    private static Map<String, Map<String, Object>> byId(Object list) {
        Map<String, Map<String, Object>> m = new LinkedHashMap<>();
        if (list instanceof List<?> l) for (Object o : l) m.put(Json.str(Json.map(o).get("id")), Json.map(o));
        return m;
    }

    private static Map<String, Object> nodeAt(Map<String, Object> tree, String id) {
        Map<String, Object> n = Json.map(Json.map(tree.get("activities")).get(id));
        if (n == null) n = Json.map(Json.map(tree.get("gateways")).get(id));
        return n != null ? n : Json.map(tree.get("end_event"));
    }

    private static List<Object> asList(Object incoming) {
        List<Object> l = new ArrayList<>();
        if (incoming instanceof List<?> x) l.addAll(x); else l.add(incoming);
        return l;
    }

    /** _replace_node_incoming: a list loses the replaced flow and gets the new ones at its end. */
    @SuppressWarnings("unchecked")
    private static void replaceIncoming(Map<String, Object> next, String replaced, List<Object> incoming) {
        if (next.get("incoming") instanceof List<?> l) {
            List<Object> list = (List<Object>) l;
            list.remove(list.indexOf(replaced));
            list.addAll(incoming);
        } else {
            next.put("incoming", incoming.size() == 1 ? incoming.get(0) : incoming);
        }
    }

    /** _ignore_act. */
    private static void ignoreAct(Map<String, Object> act, Map<String, Map<String, Object>> locations,
                                  Map<String, Map<String, Object>> lines, Map<String, Object> tree) {
        List<Object> incoming = asList(act.get("incoming"));
        String outgoing = Json.str(act.get("outgoing"));
        Map<String, Object> flows = Json.map(tree.get("flows"));
        String target = Json.str(Json.map(flows.get(outgoing)).get("target"));
        Map<String, Object> next = nodeAt(tree, target);
        replaceIncoming(next, outgoing, incoming);
        for (Object in : incoming) Json.map(flows.get(String.valueOf(in))).put("target", next.get("id"));
        flows.remove(outgoing);
        // the layout part is wrapped in try/except: a missing entry is only logged
        locations.remove(Json.str(act.get("id")));
        lines.remove(outgoing);
        for (Object in : incoming) {
            Map<String, Object> line = lines.get(String.valueOf(in));
            if (line != null) Json.map(line.get("target")).put("id", next.get("id"));
        }
    }

    /**
     * _remove_useless_parallel. Which converge gateway each diverging one meets comes from bamboo-pipeline
     * pipeline/validators/gateway.py validate_gateways; the sandbox reads the converge_gateway_id its trees carry.
     */
    private static void removeUselessParallel(Map<String, Object> tree, Map<String, Map<String, Object>> lines,
                                              Map<String, Map<String, Object>> locations) {
        Map<String, Object> gateways = Json.map(tree.get("gateways"));
        Map<String, List<String>> converges = new LinkedHashMap<>();
        gateways.forEach((id, g) -> {
            String cg = Json.str(Json.map(g).get("converge_gateway_id"));
            if (cg != null && !cg.isEmpty()) converges.computeIfAbsent(cg, k -> new ArrayList<>()).add(id);
        });
        while (true) {
            int count = gateways.size();
            for (Map.Entry<String, List<String>> e : converges.entrySet()) {
                for (String diverging : e.getValue()) {
                    Map<String, Object> g = Json.map(gateways.get(diverging));
                    if (g == null || !"ParallelGateway".equals(g.get("type"))) continue;
                    tryToIgnoreParallel(g, e.getKey(), lines, locations, tree);
                }
            }
            if (count == gateways.size()) break;
        }
    }

    /** _try_to_ignore_parallel. */
    @SuppressWarnings("unchecked")
    private static void tryToIgnoreParallel(Map<String, Object> parallel, String convergeId, Map<String, Map<String, Object>> lines,
                                            Map<String, Map<String, Object>> locations, Map<String, Object> tree) {
        Map<String, Object> gateways = Json.map(tree.get("gateways"));
        Map<String, Object> flows = Json.map(tree.get("flows"));
        Map<String, Object> converge = Json.map(gateways.get(convergeId));
        boolean ignoreWhole = true;
        for (Object out : new ArrayList<>(asList(parallel.get("outgoing")))) {
            if (!convergeId.equals(Json.str(Json.map(flows.get(String.valueOf(out))).get("target")))) {
                ignoreWhole = false;
                continue;
            }
            ((List<Object>) converge.get("incoming")).remove(out);
            ((List<Object>) parallel.get("outgoing")).remove(out);
            flows.remove(String.valueOf(out));
            lines.remove(String.valueOf(out));
        }
        if (!ignoreWhole) return;
        // the web format writes a converge gateway's one outgoing flow as a string; the sandbox's trees as a list of one
        Object rawOut = converge.get("outgoing");
        String convergeOut = rawOut instanceof List<?> l && l.size() == 1 ? String.valueOf(l.get(0)) : Json.str(rawOut);
        String target = Json.str(Json.map(flows.get(convergeOut)).get("target"));
        Map<String, Object> next = nodeAt(tree, target);
        lines.remove(convergeOut);
        flows.remove(convergeOut);
        List<Object> newIncoming = new ArrayList<>();
        for (Object in : asList(converge.get("incoming"))) {
            retarget(flows, lines, in, target);
            newIncoming.add(in);
        }
        for (Object in : asList(parallel.get("incoming"))) {
            retarget(flows, lines, in, target);
            newIncoming.add(in);
        }
        replaceIncoming(next, convergeOut, newIncoming);
        gateways.remove(Json.str(parallel.get("id")));
        gateways.remove(convergeId);
        locations.remove(Json.str(parallel.get("id")));
        locations.remove(convergeId);
    }

    private static void retarget(Map<String, Object> flows, Map<String, Map<String, Object>> lines, Object flow, String target) {
        Json.map(flows.get(String.valueOf(flow))).put("target", target);
        Json.map(lines.get(String.valueOf(flow)).get("target")).put("id", target);
    }

    /**
     * _remove_useless_constants: the constants referred to, directly or through other constants, by what is left
     * (activities' component data, subprocesses' show-type constants, exclusive and conditional gateways'
     * conditions), plus every component output; outputs keep only those; indexes are renumbered in the old order and
     * the excluded nodes leave each constant's source_info.
     */
    private static void removeUselessConstants(List<String> exclude, Map<String, Object> tree) {
        List<Object> data = new ArrayList<>();
        for (Object o : Json.map(tree.get("activities")).values()) {
            Map<String, Object> act = Json.map(o);
            if ("ServiceActivity".equals(act.get("type"))) {
                Map<String, Object> d = Json.map(Json.map(act.get("component")).get("data"));
                if (d != null) d.values().forEach(v -> data.add(Json.map(v).get("value")));
            } else {
                Json.map(act.getOrDefault("constants", Map.of())).values().forEach(v -> {
                    if ("show".equals(Json.map(v).get("show_type"))) data.add(Json.map(v).get("value"));
                });
            }
        }
        for (Object o : Json.map(tree.get("gateways")).values()) {
            Map<String, Object> g = Json.map(o);
            if ("ExclusiveGateway".equals(g.get("type")) || "ConditionalParallelGateway".equals(g.get("type"))) {
                Json.map(g.getOrDefault("conditions", Map.of())).values().forEach(v -> data.add(Json.map(v).get("evaluate")));
            }
        }
        Map<String, Object> constants = Json.map(tree.get("constants"));
        Set<String> referenced = new LinkedHashSet<>();
        List<Object> pool = data;
        while (true) {
            int before = referenced.size();
            List<Object> more = new ArrayList<>();
            for (Object value : pool) {
                for (String name : references(value, new ArrayList<>())) {
                    String key = "${" + name + "}";
                    if (constants.containsKey(key) && referenced.add(key)) more.add(Json.map(constants.get(key)).get("value"));
                }
            }
            pool.addAll(more);
            if (referenced.size() == before) break;
        }
        constants.forEach((k, v) -> {
            if ("component_outputs".equals(Json.map(v).get("source_type"))) referenced.add(k);
        });
        List<Object> outputs = new ArrayList<>();
        for (Object k : asListOrEmpty(tree.get("outputs"))) if (referenced.contains(String.valueOf(k))) outputs.add(k);
        tree.put("outputs", outputs);
        List<String> keys = new ArrayList<>(referenced);
        keys.sort(Comparator.comparingLong(k -> {
            Long i = Json.asLong(Json.map(constants.get(k)).get("index"));
            return i == null ? 0 : i;
        }));
        Map<String, Object> kept = new LinkedHashMap<>();
        for (int i = 0; i < keys.size(); i++) {
            Map<String, Object> v = Json.map(constants.get(keys.get(i)));
            v.put("index", i);
            Map<String, Object> sourceInfo = Json.map(v.get("source_info"));
            if (sourceInfo != null) exclude.forEach(sourceInfo::remove);
            kept.put(keys.get(i), v);
        }
        tree.put("constants", kept);
    }

    private static List<Object> asListOrEmpty(Object o) {
        return o instanceof List<?> l ? new ArrayList<>(l) : new ArrayList<>();
    }

    private static List<String> references(Object value, List<String> out) {
        if (value instanceof String s) {
            Matcher m = REF.matcher(s);
            while (m.find()) out.add(m.group(1));
        } else if (value instanceof Map<?, ?> m) {
            for (Object v : m.values()) references(v, out);
        } else if (value instanceof List<?> l) {
            for (Object v : l) references(v, out);
        }
        return out;
    }
}
