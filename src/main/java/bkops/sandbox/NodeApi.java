package bkops.sandbox;

import bkops.sandbox.TaskIndex.Kind;
import bkops.sandbox.TaskIndex.NodeDef;
import bkops.sandbox.World.NodeRun;
import bkops.sandbox.World.Task;

import java.util.List;
import java.util.Map;

/** operate_node (every dispatcher action, allowed only in the engine's states) and node_callback. */
final class NodeApi {
    private static final List<String> ACTIONS = List.of("retry", "skip", "callback", "skip_exg", "skip_cpg", "pause", "resume",
            "pause_subproc", "resume_subproc", "forced_fail", "retry_subprocess");

    private NodeApi() {}

    static String missing(Task t, String nodeId) {
        return "节点状态请求失败: 任务[ID: " + t.id + "]中未找到节点[ID: " + nodeId + "]，请检查节点ID是否正确";
    }

    static Map<String, Object> operate(Call c) {
        Task t = c.world().tasks.get(c.id("task_id"));
        if (t == null) {
            throw new SandboxError(3540400, "task[id=" + c.params.get("task_id") + "] of project[id=" + SandboxCredentials.PROJECT_ID + "] does not exist");
        }
        if (Engine.advance(c.world(), t, c.now)) c.tx.dirty = true;
        String action = c.str("action");
        if (action == null || !ACTIONS.contains(action)) throw new SandboxError(3599999, "action [" + action + "] is not supported");
        String nodeId = c.str("node_id");
        NodeDef d = nodeId == null ? null : t.index().node(nodeId);
        if (d == null) throw new SandboxError(3599999, missing(t, nodeId));
        Object inputs = c.params.get("inputs");
        if (inputs != null && !(inputs instanceof Map)) throw new SandboxError(3599999, "inputs field is not a valid object");
        Object data = c.params.get("data");
        if (data != null && !(data instanceof Map)) throw new SandboxError(3599999, "data field is not a valid object");
        NodeRun r = t.runs.get(nodeId);
        String state = r == null ? "READY" : r.state;
        switch (action) {
            case "retry" -> retry(c, t, d, r, state, Json.map(inputs));
            case "skip" -> {
                if (d.kind() != Kind.ACTIVITY) throw Call.engine("InvalidOperationError: can not use skip_node api for " + d.type());
                requireFailed(d, state);
                if (Boolean.FALSE.equals(d.def().get("skippable"))) throw Call.engine("InvalidOperationError: can not skip this node");
                r.skip = true;
                r.retry++;
                r.outputs.put("_result", true);
                Engine.takeBranches(t, d, r, t.index().outgoing(d.id()), c.now);
            }
            case "skip_exg" -> {
                if (!"ExclusiveGateway".equals(d.type())) {
                    throw Call.engine("InvalidOperationError: " + nodeId + " is not exclusive gateway, actual: " + d.type());
                }
                requireFailed(d, state);
                String flow = c.str("flow_id");
                if (flow == null || !t.index().outgoing(nodeId).contains(flow)) throw Call.engine("KeyError: '" + flow + "'");
                r.skip = true;
                r.retry++;
                Engine.takeBranches(t, d, r, List.of(flow), c.now);
            }
            case "skip_cpg" -> throw Call.engine("KeyError: 'flow_ids'");
            case "callback" -> callback(t, d, r, Json.map(data), null, c.now);
            case "pause" -> {
                if (d.kind() == Kind.SUBPROCESS) throw Call.engine("InvalidOperationError: can not use pause_node api for SubProcess");
                if (r == null) {
                    t.pauseBefore.add(nodeId);
                } else if (state.equals("RUNNING") && d.kind() == Kind.ACTIVITY) {
                    r.state = "SUSPENDED";
                    r.dueAt = null;
                } else {
                    throw Call.engine(TaskApi.transit(nodeId, state, "SUSPENDED"));
                }
            }
            case "resume" -> {
                if (r == null && t.pauseBefore.remove(nodeId)) break;
                if (!state.equals("SUSPENDED") || d.kind() == Kind.SUBPROCESS) {
                    throw Call.engine("InvalidOperationError: node(" + nodeId + ") state is not SUSPENDED, actual " + state);
                }
                Engine.startActivity(c.world(), t, d, c.now, r.attempts > 0 ? r.inputs : null);
            }
            case "pause_subproc" -> {
                if (d.kind() != Kind.SUBPROCESS || !(state.equals("RUNNING") || state.equals("READY"))) {
                    throw Call.engine("pipeline(" + nodeId + ") state is: " + state);
                }
                r.state = "SUSPENDED";
            }
            case "resume_subproc" -> {
                if (d.kind() != Kind.SUBPROCESS || !state.equals("SUSPENDED")) throw Call.engine("pipeline(" + nodeId + ") state is: " + state);
                r.state = "RUNNING";
                TaskApi.retimeTokens(t, c.now);
            }
            case "forced_fail" -> {
                if (d.kind() != Kind.ACTIVITY || !state.equals("RUNNING")) throw Call.engine(TaskApi.transit(nodeId, state, "FAILED"));
                Engine.fail(t, d, r, c.now, "The node has been terminated by " + c.user + ".");
            }
            default -> { // retry_subprocess
                if (d.kind() != Kind.SUBPROCESS) throw Call.engine("InvalidOperationError: " + nodeId + " is not a SubProcess");
                requireFailed(d, state);
                t.runs.remove(nodeId);
                Engine.enter(c.world(), t, nodeId, c.now);
            }
        }
        c.tx.dirty = true;
        Engine.advance(c.world(), t, c.now);
        return Call.success();
    }

    private static void requireFailed(NodeDef d, String state) {
        if (!state.equals("FAILED")) throw Call.engine("InvalidOperationError: " + d.id() + " state is not FAILED, actual " + state);
    }

    private static void retry(Call c, Task t, NodeDef d, NodeRun r, String state, Map<String, Object> inputs) {
        if (Boolean.FALSE.equals(d.def().get("retryable"))) {
            throw Call.engine("InvalidOperationError: can not retry node(" + d.id() + ") with can_retry(False)");
        }
        requireFailed(d, state);
        if (d.kind() == Kind.ACTIVITY) {
            r.histories.add(Json.obj("start_time", Call.time(r.start), "finish_time", Call.time(r.finish),
                    "elapsed_time", StatusTree.elapsed(r, c.now), "inputs", r.inputs, "outputs", r.outputs, "ex_data", r.exData,
                    "loop", r.loop, "skip", r.skip, "version", r.version, "history_id", r.histories.size() + 1, "state", r.state));
            r.retry++;
            Engine.startActivity(c.world(), t, d, c.now, inputs == null || inputs.isEmpty() ? r.inputs : inputs);
        } else {
            int retries = r.retry + 1;
            t.runs.remove(d.id());
            Engine.enter(c.world(), t, d.id(), c.now);
            NodeRun again = t.runs.get(d.id());
            if (again != null) again.retry = retries;
        }
    }

    static Map<String, Object> nodeCallback(Call c) {
        Task t = TaskApi.task(c);
        String nodeId = c.str("node_id");
        NodeDef d = nodeId == null ? null : t.index().node(nodeId);
        if (d == null) throw new SandboxError(3540000, "task[" + t.id + "] does not have node[" + nodeId + "]");
        Object data = c.params.get("callback_data");
        callback(t, d, t.runs.get(nodeId), Json.map(data), c.str("version"), c.now);
        c.tx.dirty = true;
        Engine.advance(c.world(), t, c.now);
        return Call.success();
    }

    private static void callback(Task t, NodeDef d, NodeRun r, Map<String, Object> data, String version, long now) {
        boolean waiting = r != null && r.state.equals("RUNNING") && d.kind() == Kind.ACTIVITY && r.dueAt == null
                && r.jobInstanceId == null;
        if (version != null && !version.isEmpty() && (r == null || !version.equals(r.version))) {
            throw Call.engine("node version " + version + " not exist");
        }
        if (!waiting) throw Call.engine("can not find sleep process with current node id: " + d.id());
        r.outputs.put("callback_data", data == null ? Map.of() : data);
        r.outputs.put("_result", true);
        Engine.takeBranches(t, d, r, t.index().outgoing(d.id()), now);
    }
}
