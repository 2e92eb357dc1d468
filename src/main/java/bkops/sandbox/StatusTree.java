package bkops.sandbox;

import bkops.sandbox.TaskIndex.Kind;
import bkops.sandbox.TaskIndex.NodeDef;
import bkops.sandbox.World.NodeRun;
import bkops.sandbox.World.Task;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The engine-v2 status tree (bk-sops gcloud/apigw/views/get_task_status.py): reached nodes only, the literal "root_id:" key, null times, and the displayed
 * state rewrite (a RUNNING pipeline shows FAILED if a child failed, else NODE_SUSPENDED if a child is suspended).
 */
final class StatusTree {
    private StatusTree() {}

    static Map<String, Object> root(Task t, long now) {
        TaskIndex idx = t.index();
        if (!t.started()) return TaskApi.created(idx.rootId, t.name);
        Map<String, Object> m = fields(idx.rootId, t.rootState, idx.rootId, idx.rootId, idx.rootId.substring(1), 0, false,
                false, false, t.startTime, t.finishTime, now);
        m.put("children", children(t, idx.rootId, true, now));
        m.put("name", t.name);
        m.put("state", displayed(t.rootState, m));
        return m;
    }

    static Map<String, Object> node(Task t, NodeDef d, NodeRun r, boolean names, long now) {
        TaskIndex idx = t.index();
        Map<String, Object> m = fields(d.id(), r.state, idx.rootId, d.pipelineId(), r.version, r.retry, r.skip,
                Boolean.TRUE.equals(d.def().get("error_ignorable")), r.errorIgnored, r.start, r.finish, now);
        m.put("children", d.kind() == Kind.SUBPROCESS ? children(t, d.id(), names, now) : new LinkedHashMap<>());
        m.put("name", names ? d.name() : "");
        if (d.kind() == Kind.SUBPROCESS) m.put("state", displayed(r.state, m));
        return m;
    }

    private static Map<String, Object> fields(String id, String state, String rootId, String parentId, String version, int retry,
                                              boolean skip, boolean ignorable, boolean ignored, Long start, Long finish, long now) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", id);
        m.put("state", state);
        m.put("root_id:", rootId);
        m.put("parent_id", parentId);
        m.put("version", version);
        m.put("loop", 1);
        m.put("retry", retry);
        m.put("skip", skip);
        m.put("error_ignorable", ignorable);
        m.put("error_ignored", ignored);
        m.put("elapsed_time", start == null ? 0 : Math.max(0, ((finish != null ? finish : now) - start) / 1000));
        m.put("start_time", Call.time(start));
        m.put("finish_time", Call.time(finish));
        return m;
    }

    private static Map<String, Object> children(Task t, String pipelineId, boolean names, long now) {
        Map<String, Object> out = new LinkedHashMap<>();
        TaskIndex idx = t.index();
        for (String id : idx.members(pipelineId)) {
            NodeRun r = t.runs.get(id);
            if (r != null) out.put(id, node(t, idx.node(id), r, names, now));
        }
        return out;
    }

    @SuppressWarnings("unchecked")
    private static String displayed(String state, Map<String, Object> node) {
        if (!"RUNNING".equals(state)) return state;
        boolean suspended = false;
        for (Object o : ((Map<String, Object>) node.get("children")).values()) {
            Object s = Json.map(o).get("state");
            if ("FAILED".equals(s)) return "FAILED";
            suspended |= "SUSPENDED".equals(s) || "NODE_SUSPENDED".equals(s);
        }
        return suspended ? "NODE_SUSPENDED" : state;
    }

    /** Failed leaf node id → error text, from a rendered status (sub)tree. */
    @SuppressWarnings("unchecked")
    static Map<String, Object> exData(Task t, Map<String, Object> node) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (Object o : ((Map<String, Object>) node.get("children")).values()) {
            Map<String, Object> child = Json.map(o);
            String id = Json.str(child.get("id"));
            if (!((Map<String, Object>) child.get("children")).isEmpty()) {
                out.putAll(exData(t, child));
            } else if ("FAILED".equals(child.get("state"))) {
                NodeRun r = t.runs.get(id);
                out.put(id, r == null ? "" : r.exData);
            }
        }
        return out;
    }

    static long elapsed(NodeRun r, long now) {
        return Math.max(0, ((r.finish != null ? r.finish : now) - r.start) / 1000);
    }
}
