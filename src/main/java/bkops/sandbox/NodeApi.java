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
        // bk-sops dispatchers/node.py dispatch: "task command is invalid"; views/operate_node.py forces the code to 3599999
        if (action == null || !ACTIONS.contains(action)) throw new SandboxError(3599999, "task command is invalid");
        String nodeId = c.str("node_id");
        NodeDef d = nodeId == null ? null : t.index().node(nodeId);
        if (d == null) throw new SandboxError(3599999, missing(t, nodeId));
        Object inputs = c.params.get("inputs");
        if (inputs != null && !(inputs instanceof Map)) throw new SandboxError(3599999, "inputs field is not a valid object");
        Object data = c.params.get("data");
        if (data != null && !(data instanceof Map)) throw new SandboxError(3599999, "data field is not a valid object");
        NodeRun r = t.runs.get(nodeId);
        // Each refusal below is the one bamboo-engine engine.py raises, in the order it checks (see Traceback).
        switch (action) {
            case "retry" -> retry(c, t, d, r, Json.map(inputs));
            case "skip" -> {
                if (!canSkip(d)) {
                    throw Traceback.invalid("skip_node", 437, "raise InvalidOperationError(\"can not skip this node\")",
                            "can not skip this node");
                }
                // engine.py PURE_SKIP_ENABLE_NODE_TYPE = {ServiceActivity, EmptyStartEvent}
                if (d.kind() != Kind.ACTIVITY && d.kind() != Kind.START) {
                    throw Traceback.invalid("skip_node", 440, "raise InvalidOperationError(\"can not use skip_node api for {}\".format(node.type))",
                            "can not use skip_node api for NodeType." + d.type());
                }
                requireFailed("skip_node", 442, d, r);
                r.skip = true; // set_state(FINISHED, is_skip=True): the retry count is left as it is
                r.outputs.put("_result", true);
                Engine.takeBranches(t, d, r, t.index().outgoing(d.id()), c.now);
            }
            case "skip_exg" -> {
                if (!"ExclusiveGateway".equals(d.type())) {
                    throw Traceback.invalid("skip_exclusive_gateway", 502, "raise InvalidOperationError(\"{} is not exclusive gateway, actual: {}\".format(node_id, node.type.value))",
                            nodeId + " is not exclusive gateway, actual: " + d.type());
                }
                String flow = c.str("flow_id") == null ? "" : c.str("flow_id");
                if (!t.index().outgoing(nodeId).contains(flow)) {
                    throw Traceback.keyError("skip_exclusive_gateway", 504, "next_node_id = node.targets[flow_id]", flow);
                }
                requireFailed("skip_exclusive_gateway", 506, d, r);
                r.skip = true;
                Engine.takeBranches(t, d, r, List.of(flow), c.now);
            }
            // dispatchers/node.py skip_cpg_v2 reads kwargs["flow_ids"], which operate_node never passes: the KeyError
            // reaches taskflow3/models.py nodes_action, which answers in its own words
            case "skip_cpg" -> throw new SandboxError(3599999, "节点操作失败: 节点[ID: " + nodeId + "], 任务[ID: " + t.id
                    + "]操作失败: 'flow_ids', 请重试. 如持续失败可联系管理员处理 | nodes_action");
            case "callback" -> callback(t, d, r, data, null, c.now);
            case "pause" -> {
                if (d.kind() == Kind.SUBPROCESS) {
                    throw Traceback.invalid("pause_node_appoint", 215, "raise InvalidOperationError(\"can not use pause_node_appoint api for {}\".format(node.type))",
                            "can not use pause_node_appoint api for NodeType.SubProcess");
                }
                if (r == null) {
                    t.pauseBefore.add(nodeId);
                } else if ((r.state.equals("RUNNING") || r.state.equals("READY")) && d.kind() == Kind.ACTIVITY) {
                    r.state = "SUSPENDED";
                    r.dueAt = null;
                } else {
                    throw Traceback.transit("pause_node_appoint", 232, "SUSPENDED", nodeId, r.state);
                }
            }
            case "resume" -> {
                if (d.kind() == Kind.SUBPROCESS) {
                    throw Traceback.invalid("resume_node_appoint", 254, "raise InvalidOperationError(\"can not use pause_node_appoint api for {}\".format(node.type))",
                            "can not use pause_node_appoint api for NodeType.SubProcess");
                }
                if (r == null) {
                    t.pauseBefore.remove(nodeId); // set_state(READY) creates a state record: nothing to resume
                } else if (r.state.equals("SUSPENDED")) {
                    Engine.startActivity(c.world(), t, d, c.now, r.attempts > 0 ? r.inputs : null);
                } else if (r.state.equals("FAILED")) {
                    r.state = "READY"; // FAILED -> READY is allowed, and no process waits on the node: it stays READY
                } else {
                    throw Traceback.transit("resume_node_appoint", 260, "READY", nodeId, r.state);
                }
            }
            // engine.py pause_pipeline / resume_pipeline do not look at the node's type
            case "pause_subproc" -> {
                if (r == null) {
                    throw Traceback.notFound("pause_pipeline", 151, "raise NotFoundError(\"node({}) does not exist\".format(pipeline_id))",
                            "node(" + nodeId + ") does not exist");
                }
                if (!(r.state.equals("RUNNING") || r.state.equals("READY"))) {
                    throw Traceback.transit("pause_pipeline", 155, "SUSPENDED", nodeId, r.state);
                }
                r.state = "SUSPENDED";
                if (d.kind() == Kind.ACTIVITY) r.dueAt = null;
            }
            case "resume_subproc" -> {
                if (r == null) throw Traceback.noState("resume_pipeline", 182);
                if (!r.state.equals("SUSPENDED")) {
                    throw Traceback.invalid("resume_pipeline", 185, "raise InvalidOperationError(\"pipeline({}) state is: {}\".format(pipeline_id, state.name))",
                            "pipeline(" + nodeId + ") state is: " + r.state);
                }
                r.state = "RUNNING";
                TaskApi.retimeTokens(t, c.now);
            }
            case "forced_fail" -> {
                if (d.kind() != Kind.ACTIVITY) {
                    throw Traceback.invalid("forced_fail_activity", 603, "raise InvalidOperationError(\"{} is not activity, actual: {}\".format(node_id, node.type.value))",
                            nodeId + " is not activity, actual: " + d.type());
                }
                if (r == null) throw Traceback.noState("forced_fail_activity", 605);
                if (!r.state.equals("RUNNING")) {
                    throw Traceback.invalid("forced_fail_activity", 608, "raise InvalidOperationError(\"{} state is not RUNNING, actual: {}\".format(node_id, state.name))",
                            nodeId + " state is not RUNNING, actual: " + r.state);
                }
                Engine.fail(t, d, r, c.now, "The node has been terminated by " + c.user + ".");
            }
            default -> { // retry_subprocess: a SubProcess node that itself failed (its params did not hydrate)
                if (d.kind() != Kind.SUBPROCESS) {
                    throw Traceback.invalid("retry_subprocess", 385, "raise InvalidOperationError(\"node({}) type is not SubProcess\".format(node_id))",
                            "node(" + nodeId + ") type is not SubProcess");
                }
                requireFailed("retry_subprocess", 387, d, r);
                r.retry++; // set_state(READY, is_retry=True); the state record is kept
                Engine.enter(c.world(), t, nodeId, c.now);
            }
        }
        c.tx.dirty = true;
        OperateRecords.add(c, t, action, nodeId);
        Engine.advance(c.world(), t, c.now);
        return Call.success();
    }

    /** engine.py: get_state (no record: the node never ran), then _ensure_state_is_fail_and_return_process_info. */
    private static void requireFailed(String function, int line, NodeDef d, NodeRun r) {
        if (r == null) throw Traceback.noState(function, line);
        if (!r.state.equals("FAILED")) throw Traceback.notFailed(function, line + 2, d.id(), r.state);
    }

    /**
     * Whether the engine lets a node be retried / skipped. bk-sops pipeline_web/parser/format.py
     * format_web_data_to_pipeline: an activity without "retryable" takes act.get("can_retry", True), without
     * "skippable" act.get("isSkipped", True); bamboo-pipeline eri/runtime.py: events, gateways and SubProcess nodes
     * are always retryable, only the start event and exclusive gateways skippable.
     */
    static boolean canRetry(NodeDef d) {
        return d.kind() != Kind.ACTIVITY || flag(d.def(), "retryable", "can_retry");
    }

    static boolean canSkip(NodeDef d) {
        return switch (d.kind()) {
            case ACTIVITY -> flag(d.def(), "skippable", "isSkipped");
            case START -> true;
            case GATEWAY -> "ExclusiveGateway".equals(d.type());
            default -> false;
        };
    }

    private static boolean flag(Map<String, Object> def, String key, String legacyKey) {
        if (def.containsKey(key)) return Py.truthy(def.get(key));
        return !def.containsKey(legacyKey) || Py.truthy(def.get(legacyKey));
    }

    private static void retry(Call c, Task t, NodeDef d, NodeRun r, Map<String, Object> inputs) {
        if (!canRetry(d)) {
            throw Traceback.invalid("retry_node", 295, "raise InvalidOperationError(\"can not retry node({}) with can_retry({})\".format(node_id, node.can_retry))",
                    "can not retry node(" + d.id() + ") with can_retry(False)");
        }
        requireFailed("retry_node", 297, d, r);
        if (d.kind() == Kind.ACTIVITY) {
            r.histories.add(Json.obj("start_time", Call.time(r.start), "finish_time", Call.time(r.finish),
                    "elapsed_time", StatusTree.elapsed(r, c.now), "inputs", r.inputs, "outputs", r.outputs, "ex_data", r.exData,
                    "loop", r.loop, "skip", r.skip, "version", r.version, "history_id", r.histories.size() + 1, "state", r.state));
            r.retry++;
            Engine.startActivity(c.world(), t, d, c.now, inputs == null || inputs.isEmpty() ? r.inputs : inputs);
        } else {
            r.retry++; // set_state(READY, is_retry=True) keeps the record; the start event hydrates its context again
            Engine.enter(c.world(), t, d.id(), c.now);
        }
    }

    static Map<String, Object> nodeCallback(Call c) {
        Task t = TaskApi.task(c);
        String nodeId = c.str("node_id");
        NodeDef d = nodeId == null ? null : t.index().node(nodeId);
        if (d == null) throw new SandboxError(3540000, "task[" + t.id + "] does not have node[" + nodeId + "]");
        callback(t, d, t.runs.get(nodeId), c.params.get("callback_data"), c.str("version"), c.now);
        c.tx.dirty = true;
        Engine.advance(c.world(), t, c.now);
        return Call.success();
    }

    /** engine.py callback: a process sleeping at the node first, then the version; the plugin then reads the data. */
    private static void callback(Task t, NodeDef d, NodeRun r, Object data, String version, long now) {
        boolean waiting = r != null && r.state.equals("RUNNING") && d.kind() == Kind.ACTIVITY && r.dueAt == null
                && r.jobInstanceId == null;
        if (!waiting) {
            throw Traceback.invalid("callback", 672, "raise InvalidOperationError(\"can not find sleep process with current node id: {}\".format(node_id))",
                    "can not find sleep process with current node id: " + d.id());
        }
        if (version != null && !version.isEmpty() && !version.equals(r.version)) {
            throw Traceback.invalid("callback", 680, "raise InvalidOperationError(\"node version {} not exist\".format(version))",
                    "node version " + version + " not exist");
        }
        Engine.callback(t, d, r, data, now);
    }
}
