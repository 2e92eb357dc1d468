package bkops.sandbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Template APIs and the making of a task tree from a template (ids replaced, subprocesses unfolded, nodes excluded). */
final class TemplateApi {
    private static final Pattern NODE_ID = Pattern.compile("(?<!\"template_node_id\":\")n[0-9a-f]{31}");
    private static final List<String> FLOW_ACTIONS = List.of("flow_create", "flow_view", "flow_edit", "flow_delete",
            "flow_create_task", "flow_create_periodic_task");
    private static final List<String> COMMON_ACTIONS = List.of("common_flow_view", "common_flow_create_task",
            "common_flow_create_periodic_task");

    private TemplateApi() {}

    static Template find(Call c, long id, String source) {
        boolean common = source != null && !source.equals("business") && !source.equals("project");
        Template t = Seed.templates().get(id);
        if (t == null || t.common() != common) {
            throw new SandboxError(3540400, common ? "common template[id=" + id + "] does not exist"
                    : "template[id=" + id + "] of project[" + SandboxCredentials.PROJECT_ID + "] does not exist");
        }
        return t;
    }

    static Map<String, Object> list(Call c) {
        String source = c.str("template_source");
        boolean common = source != null && !source.equals("business") && !source.equals("project");
        String keyword = c.str("name_keyword");
        Set<Long> ids = null;
        if (c.str("id_in") != null && !c.str("id_in").isBlank()) {
            ids = new java.util.HashSet<>();
            for (String s : c.str("id_in").split(",")) {
                Long v = Json.asLong(s);
                if (v == null) throw new SandboxError(3540000, Json.obj("id_in", List.of("请输入一个数字列表 enter a list of numbers")));
                ids.add(v);
            }
        }
        List<Object> out = new ArrayList<>();
        for (Template t : Seed.templates().values()) {
            if (t.common() != common) continue;
            if (keyword != null && !t.name().toLowerCase().contains(keyword.toLowerCase())) continue;
            if (ids != null && !ids.contains(t.id())) continue;
            out.add(summary(c, t, !common));
        }
        return Call.ok(out);
    }

    static Map<String, Object> commonList(Call c) {
        List<Object> out = new ArrayList<>();
        for (Template t : Seed.templates().values()) if (t.common()) out.add(summary(c, t, false));
        return Call.ok(out);
    }

    private static Map<String, Object> summary(Call c, Template t, boolean withProject) {
        Map<String, Object> m = Json.obj("id", t.id(), "name", t.name(), "creator", Seed.CREATOR, "create_time", Seed.CREATE_TIME,
                "editor", Seed.CREATOR, "edit_time", Seed.CREATE_TIME, "category", t.category(), "description", t.description());
        if (withProject) c.projectFields(m);
        m.put("auth_actions", t.common() ? COMMON_ACTIONS : FLOW_ACTIONS);
        return m;
    }

    static Map<String, Object> info(Call c) {
        Template t = find(c, c.id("template_id"), c.str("template_source"));
        Map<String, Object> m = summary(c, t, true);
        Map<String, Object> tree = Json.copy(t.tree());
        if (Json.flag(c.params, "unfold_subprocess")) unfold(tree, 0);
        stripLayout(tree);
        m.put("pipeline_tree", tree);
        boolean hasSub = Json.map(tree.get("activities")).values().stream().anyMatch(a -> "SubProcess".equals(Json.map(a).get("type")));
        m.put("has_subprocess", hasSub);
        m.put("subprocess_has_update", false);
        if (Json.flag(c.params, "include_constants")) m.put("template_constants", templateConstants(t));
        return Call.ok(m);
    }

    /**
     * bk-sops gcloud/apigw/views/utils.py process_pipeline_constants: a list, one item per constant that is not a
     * component output, with its reference count; constant_type is the variable type's display name.
     */
    private static List<Object> templateConstants(Template t) {
        List<Object> out = new ArrayList<>();
        Map<String, Object> activities = Json.map(t.tree().get("activities"));
        Json.map(t.tree().get("constants")).forEach((key, v) -> {
            Map<String, Object> d = Json.map(v);
            if ("component_outputs".equals(d.get("source_type"))) return;
            String type = "component_inputs".equals(d.get("source_type")) ? "节点输入"
                    : Engine.CMDB_VARIABLE.equals(d.get("custom_type")) ? "集群模块IP选择器" : "输入框";
            out.add(Json.obj("name", d.get("name"), "key", key, "show_type", d.get("show_type"), "constant_type", type,
                    "activity_count", activities.values().stream().filter(a -> toJson(a).contains(key)).count()));
        });
        return out;
    }

    /**
     * bk-sops gcloud/apigw/views/get_template_schemes.py: [{"id": s.unique_id, "name", "data"}], data the node ids as a
     * JSON string; a scheme saved in the console has unique_id "<template id>-<name>"
     * (gcloud/template_base/apis/drf/viewsets/template_scheme.py). Project templates only.
     */
    static Map<String, Object> schemes(Call c) {
        Template t = find(c, c.id("template_id"), "project");
        List<Object> out = new ArrayList<>();
        for (Template.Scheme s : t.schemes()) {
            out.add(Json.obj("id", uniqueId(t, s), "name", s.name(), "data", toJson(s.nodeIds())));
        }
        return Call.ok(out);
    }

    static String uniqueId(Template t, Template.Scheme s) {
        return t.id() + "-" + s.name();
    }

    /**
     * bk-sops gcloud/apigw/views/preview_task_tree.py: a project template (pipeline_web/preview.py preview_template_tree
     * with PROJECT, whatever template_source says), exclude_task_nodes_id a list or "invalid exclude_task_nodes_id";
     * anything the previewer raises is "preview_task_tree fail: <error>", 3599999. The sandbox keeps one version of
     * each template: any version asked for is a snapshot it does not have.
     */
    static Map<String, Object> preview(Call c) {
        Template t = find(c, c.id("template_id"), "project");
        Object excluded = c.params.containsKey("exclude_task_nodes_id") ? c.params.get("exclude_task_nodes_id") : List.of();
        if (!(excluded instanceof List<?>)) throw new SandboxError(3540000, "invalid exclude_task_nodes_id");
        String version = c.str("version");
        if (version != null && !version.isEmpty()) {
            throw new SandboxError(3599999, "preview_task_tree fail: Snapshot matching query does not exist.");
        }
        try {
            return Call.ok(Preview.of(t.tree(), stringList(excluded)));
        } catch (IllegalArgumentException e) {
            throw new SandboxError(3599999, "preview_task_tree fail: " + e.getMessage());
        }
    }

    static List<String> stringList(Object o) {
        List<String> out = new ArrayList<>();
        if (o instanceof List<?> l) for (Object x : l) out.add(String.valueOf(x));
        return out;
    }

    /** A fresh task tree: layout kept, excluded nodes removed, subprocesses unfolded, every id replaced. */
    static Map<String, Object> taskTree(Template t, List<String> excluded, Map<String, Object> constants) {
        Map<String, Object> tree = Json.copy(t.tree());
        exclude(tree, excluded);
        Map<String, Object> declared = Json.map(tree.get("constants"));
        if (constants != null) {
            constants.forEach((k, v) -> {
                Map<String, Object> decl = Json.map(declared.get(k));
                if (decl != null) decl.put("value", v);
            });
        }
        return instantiate(tree, newId(), 0);
    }

    private static Map<String, Object> instantiate(Map<String, Object> templateTree, String pipelineId, int depth) {
        Map<String, String> mapping = new HashMap<>();
        Map<String, Object> tree = replaceIds(templateTree, mapping);
        tree.put("id", pipelineId);
        Map<String, String> reverse = new HashMap<>();
        mapping.forEach((k, v) -> reverse.put(v, k));
        for (Object o : Json.map(tree.get("activities")).values()) {
            Map<String, Object> a = Json.map(o);
            a.put("template_node_id", reverse.get(Json.str(a.get("id"))));
            if ("SubProcess".equals(a.get("type")) && depth < 5) {
                Template child = Seed.templates().get(Json.asLong(a.get("template_id")));
                Map<String, Object> childTree = Json.copy(child.tree());
                Map<String, Object> childConstants = Json.map(childTree.get("constants"));
                Json.map(a.getOrDefault("constants", Map.of())).forEach((k, v) -> {
                    if (childConstants.containsKey(k)) Json.map(childConstants.get(k)).put("value", Json.map(v).get("value"));
                });
                a.put("pipeline", instantiate(childTree, Json.str(a.get("id")), depth + 1));
            }
        }
        return tree;
    }

    /** A new copy of a task tree (periodic snapshots): every id fresh, template_node_id kept. */
    static Map<String, Object> reinstantiate(Map<String, Object> taskTree) {
        return replaceIds(taskTree, new HashMap<>());
    }

    /** Template trees use "n"+31 hex ids; one pass over the JSON text maps each to a fresh id. */
    private static Map<String, Object> replaceIds(Map<String, Object> tree, Map<String, String> mapping) {
        String json = toJson(tree);
        Matcher m = NODE_ID.matcher(json);
        StringBuilder sb = new StringBuilder(json.length());
        while (m.find()) m.appendReplacement(sb, mapping.computeIfAbsent(m.group(), k -> newId()));
        m.appendTail(sb);
        try {
            return Json.MAPPER.readValue(sb.toString(), new TypeReference<LinkedHashMap<String, Object>>() {});
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    static String newId() {
        return "n" + Ids.hex32().substring(1);
    }

    private static String toJson(Object o) {
        try {
            return Json.MAPPER.writeValueAsString(o);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Unfolds SubProcess activities in a template tree (get_template_info unfold_subprocess). */
    private static void unfold(Map<String, Object> tree, int depth) {
        for (Object o : Json.map(tree.get("activities")).values()) {
            Map<String, Object> a = Json.map(o);
            if (!"SubProcess".equals(a.get("type")) || depth >= 5) continue;
            Map<String, Object> child = Json.copy(Seed.templates().get(Json.asLong(a.get("template_id"))).tree());
            child.put("id", a.get("id"));
            unfold(child, depth + 1);
            a.put("pipeline", child);
        }
    }

    private static void stripLayout(Map<String, Object> tree) {
        tree.remove("line");
        tree.remove("location");
        for (Object o : Json.map(tree.get("activities")).values()) {
            Map<String, Object> p = Json.map(Json.map(o).get("pipeline"));
            if (p != null) stripLayout(p);
        }
    }

    /** Removes optional activities and joins each one's incoming flows to its outgoing target. */
    @SuppressWarnings("unchecked")
    static void exclude(Map<String, Object> tree, List<String> ids) {
        Map<String, Object> activities = Json.map(tree.get("activities"));
        Map<String, Object> flows = Json.map(tree.get("flows"));
        for (String id : ids) {
            Map<String, Object> a = Json.map(activities.get(id));
            if (a == null) throw new IllegalArgumentException("node[" + id + "] does not exist");
            if (Boolean.FALSE.equals(a.get("optional"))) throw new IllegalArgumentException("node[" + id + "] is not optional");
            String out = Json.str(a.get("outgoing"));
            String target = Json.str(Json.map(flows.get(out)).get("target"));
            List<String> incoming = Json.ids(a.get("incoming"));
            for (String in : incoming) Json.map(flows.get(in)).put("target", target);
            Map<String, Object> t = node(tree, target);
            Object tin = t.get("incoming");
            if (tin instanceof List<?> l) {
                List<Object> list = (List<Object>) l;
                int pos = list.indexOf(out);
                list.remove(out);
                list.addAll(Math.max(pos, 0), incoming);
            } else {
                t.put("incoming", incoming.size() == 1 ? incoming.get(0) : new ArrayList<Object>(incoming));
            }
            flows.remove(out);
            activities.remove(id);
            if (tree.get("line") instanceof List<?> line) {
                ((List<Object>) line).removeIf(x -> out.equals(Json.map(x).get("id")));
                for (Object x : line) {
                    if (incoming.contains(Json.str(Json.map(x).get("id")))) Json.map(Json.map(x).get("target")).put("id", target);
                }
            }
            if (tree.get("location") instanceof List<?> loc) ((List<Object>) loc).removeIf(x -> id.equals(Json.map(x).get("id")));
        }
    }

    private static Map<String, Object> node(Map<String, Object> tree, String id) {
        for (String k : List.of("start_event", "end_event")) {
            Map<String, Object> e = Json.map(tree.get(k));
            if (id.equals(e.get("id"))) return e;
        }
        Map<String, Object> a = Json.map(Json.map(tree.get("activities")).get(id));
        return a != null ? a : Json.map(Json.map(tree.get("gateways")).get(id));
    }
}
