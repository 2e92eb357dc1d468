package bkops.sandbox;

import bkops.sandbox.TaskIndex.Kind;
import bkops.sandbox.TaskIndex.NodeDef;
import bkops.sandbox.World.NodeRun;
import bkops.sandbox.World.Task;
import bkops.sandbox.World.Token;
import bkops.sandbox.job.JobSimulator;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The engine-v2 state machine, advanced lazily: {@link #advance} replays everything that became due up to "now".
 * Component behaviour (documented for the seeded templates in {@link Seed}): {@code sleep_timer} takes bk_timing
 * seconds; {@code pause_node} waits for a callback; {@code job_execute_task} follows a Job instance;
 * {@code bk_http_request} to a "flaky" URL fails its first run; {@code job_fast_execute_script} fails while its
 * content contains "exit 1", unless rolling execution is on (then it follows a fast Job instance, as
 * {@code job_fast_push_file} does); everything else takes {@link #DEFAULT_SECONDS}.
 */
final class Engine {
    static final int DEFAULT_SECONDS = 2;
    private static final Pattern VAR = Pattern.compile("\\$\\{([^}]+)}");

    private Engine() {}

    /** Replays the task up to {@code now}; returns whether anything changed. */
    static boolean advance(World w, Task t, long now) {
        if (!running(t)) return expireAutoRetries(t, now);
        TaskIndex idx = t.index();
        boolean changed = false;
        boolean progress = true;
        while (progress && running(t)) {
            progress = false;
            progress |= autoRetry(w, t, now);
            for (Map.Entry<String, NodeRun> e : new ArrayList<>(t.runs.entrySet())) {
                NodeRun r = e.getValue();
                NodeDef d = idx.node(e.getKey());
                if (!"RUNNING".equals(r.state) || d.kind() != Kind.ACTIVITY) continue;
                if (r.jobInstanceId != null) {
                    progress |= followJob(w, t, d, r, now);
                } else if (r.dueAt != null && r.dueAt <= now) {
                    complete(t, d, r);
                    progress = true;
                }
            }
            List<Token> ready = new ArrayList<>(t.tokens);
            ready.sort(Comparator.comparingLong(x -> x.at));
            for (Token k : ready) {
                if (k.at <= now && !blocked(t, idx.node(k.node).pipelineId()) && running(t)) {
                    t.tokens.remove(k);
                    enter(w, t, k.node, k.at);
                    progress = true;
                }
            }
            changed |= progress;
        }
        return changed;
    }

    static boolean running(Task t) {
        return "RUNNING".equals(t.rootState) || "SUSPENDED".equals(t.rootState);
    }

    static void start(Task t, long now, String executor) {
        TaskIndex idx = t.index();
        t.rootState = "RUNNING";
        t.startTime = now;
        t.executor = executor;
        t.tokens.add(new Token(idx.startOf(idx.rootId), now));
    }

    /** True when the pipeline or one of its ancestors is suspended: nothing new starts inside it. */
    static boolean blocked(Task t, String pipelineId) {
        if ("SUSPENDED".equals(t.rootState)) return true;
        TaskIndex idx = t.index();
        String p = pipelineId;
        while (!p.equals(idx.rootId)) {
            NodeRun r = t.runs.get(p);
            if (r != null && "SUSPENDED".equals(r.state)) return true;
            p = idx.node(p).pipelineId();
        }
        return false;
    }

    static void enter(World w, Task t, String id, long at) {
        TaskIndex idx = t.index();
        NodeDef d = idx.node(id);
        if (t.pauseBefore.remove(id)) {
            NodeRun r = run(t, id, at);
            r.state = "SUSPENDED";
            return;
        }
        switch (d.kind()) {
            case START -> {
                NodeRun r = run(t, id, at);
                String failure = hydrate(r, t.index().declared(d.pipelineId()).values(), "pre_render_mako");
                if (failure != null) {
                    fail(t, d, r, at, failure);
                } else {
                    finish(t, d, r, at);
                }
            }
            case END -> {
                finish(t, d, run(t, id, at), at);
                if (d.pipelineId().equals(idx.rootId)) {
                    t.rootState = "FINISHED";
                    t.finishTime = at;
                    t.currentFlow = "finished";
                } else {
                    finish(t, idx.node(d.pipelineId()), t.runs.get(d.pipelineId()), at);
                }
            }
            case ACTIVITY -> startActivity(w, t, d, at, null);
            case SUBPROCESS -> {
                NodeRun r = run(t, id, at);
                // format.py passes the subprocess's show-type constants as its params; handlers/subprocess.py hydrates them
                String failure = hydrate(r, Json.map(d.def().getOrDefault("constants", Map.of())).values(), "show");
                if (failure != null) {
                    fail(t, d, r, at, failure);
                    return;
                }
                r.state = "RUNNING";
                t.tokens.add(new Token(idx.startOf(id), at));
            }
            case GATEWAY -> gateway(t, d, at);
        }
    }

    /** custom_type of the sandbox's one lazy variable (bk-sops pipeline_plugins/variables/.../var_cmdb_set_module_ip_selector.py). */
    static final String CMDB_VARIABLE = "set_module_ip_selector";

    /**
     * Hydrating a node's context resolves its lazy variables; the sandbox's CMDB fails the first time each node asks
     * (a later retry succeeds). The engine then fails that node (bamboo-engine handlers/empty_start_event.py for
     * pre_render_mako constants, handlers/subprocess.py for a subprocess's params) with this ex_data.
     * {@code which}: "pre_render_mako" (constants the start event pre-renders) or "show" (params of a subprocess).
     */
    private static String hydrate(NodeRun r, java.util.Collection<Object> constants, String which) {
        boolean asksCmdb = false;
        for (Object o : constants) {
            Map<String, Object> c = Json.map(o);
            boolean used = which.equals("show") ? "show".equals(c.get("show_type")) : Boolean.TRUE.equals(c.get("pre_render_mako"));
            asksCmdb |= used && CMDB_VARIABLE.equals(c.get("custom_type"));
        }
        if (!asksCmdb || ++r.attempts > 1) return null;
        return "context hydrate failed(调用配置平台(CMDB)接口cc.search_set返回失败, error=HTTP 503 Service Unavailable), "
                + "check node log for details.";
    }

    private static NodeRun run(Task t, String id, long at) {
        NodeRun r = t.runs.computeIfAbsent(id, k -> new NodeRun());
        r.start = at;
        r.finish = null;
        r.version = newVersion();
        return r;
    }

    static String newVersion() {
        return Ids.hex32();
    }

    private static void finish(Task t, NodeDef d, NodeRun r, long at) {
        r.state = "FINISHED";
        r.finish = at;
        r.dueAt = null;
        for (String f : t.index().outgoing(d.id())) t.tokens.add(new Token(t.index().target(f), at));
    }

    static void startActivity(World w, Task t, NodeDef d, long at, Map<String, Object> inputs) {
        NodeRun r = run(t, d.id(), at);
        r.state = "RUNNING";
        r.exData = null;
        r.errorIgnored = false;
        r.outputs = new LinkedHashMap<>();
        r.jobInstanceId = null;
        r.attempts++;
        r.inputs = inputs != null ? new LinkedHashMap<>(inputs) : renderInputs(t, d);
        String code = componentCode(d);
        switch (code) {
            case "pause_node" -> r.dueAt = null;
            case "bk_approve" -> { // opens an ITSM ticket and sleeps until ITSM calls back (approve/v1_0.py plugin_execute)
                r.outputs.put("sn", "REQ" + t.id + d.id().substring(1, 9));
                r.dueAt = null;
            }
            case "job_execute_task" -> {
                Long plan = Json.asLong(r.inputs.get("job_plan_id"));
                try {
                    long inst = JobSimulator.createInstance(w.job, SandboxCredentials.BIZ_ID, plan == null ? 0 : plan, d.name(),
                            t.executor, Instant.ofEpochMilli(at));
                    r.jobInstanceId = inst;
                    r.outputs.put("job_inst_id", inst);
                    r.dueAt = null;
                } catch (SandboxError e) {
                    fail(t, d, r, at, "JOB启动失败 job launch failed: " + e.getMessage());
                }
            }
            case "job_fast_execute_script", "job_fast_push_file" -> {
                if (!startFastJob(w, d, r, code, t.executor, at)) r.dueAt = at + 1000L * duration(code, r.inputs);
            }
            default -> r.dueAt = at + 1000L * duration(code, r.inputs);
        }
        if (code.equals("job_fast_execute_script") && r.inputs.containsKey("job_content") && r.inputs.get("job_content") == null) {
            // the legacy plugin calls data.get_one_of_inputs("job_content").encode(...): it raises, the engine keeps the traceback
            fail(t, d, r, at, Traceback.plugin("/app/pipeline_plugins/components/collections/sites/open/job/fast_execute_script/legacy.py",
                    186, "plugin_execute", "\"script_content\": base64.b64encode(data.get_one_of_inputs(\"job_content\").encode(\"utf-8\")).decode(",
                    "AttributeError", "'NoneType' object has no attribute 'encode'"));
        }
    }

    /**
     * A callback reaches the plugin's schedule. bk_approve (bk-sops pipeline_plugins/components/collections/sites/open/
     * bk/approve/v1_0.py plugin_schedule) reads callback_data["approve_result"]: missing, the node fails with "get
     * Approve Component result failed: <data>, err: <error>"; false, it fails (rejected_block defaults to True) with
     * no ex_data; true, it finishes. approve_result is output as "通过"/"拒绝". Anything else (pause_node,
     * controller.py PauseService) keeps the data as its output callback_data and finishes.
     */
    static void callback(Task t, NodeDef d, NodeRun r, Object data, long now) {
        if (!componentCode(d).equals("bk_approve")) {
            r.outputs.put("callback_data", data == null ? Map.of() : data);
            r.outputs.put("_result", true);
            takeBranches(t, d, r, t.index().outgoing(d.id()), now);
            return;
        }
        if (!(data instanceof Map<?, ?> m) || !m.containsKey("approve_result")) {
            String err = data instanceof Map ? "'approve_result'" : data == null ? "'NoneType' object is not subscriptable"
                    : data instanceof List ? "list indices must be integers or slices, not str" : "string indices must be integers";
            fail(t, d, r, now, "get Approve Component result failed: " + Py.repr(data) + ", err: " + err);
            return;
        }
        boolean approved = Py.truthy(m.get("approve_result"));
        r.outputs.put("approve_result", approved ? "通过" : "拒绝");
        boolean block = !r.inputs.containsKey("rejected_block") || Py.truthy(r.inputs.get("rejected_block"));
        if (approved || !block) {
            r.outputs.put("_result", true);
            takeBranches(t, d, r, t.index().outgoing(d.id()), now);
        } else {
            fail(t, d, r, now, null);
        }
    }

    private static boolean followJob(World w, Task t, NodeDef d, NodeRun r, long now) {
        if (r.outputs.containsKey("job_id_of_batch_execute")) return followPolledJob(w, t, d, r, now);
        JobSimulator.Outcome o = JobSimulator.outcome(w.job, r.jobInstanceId, Instant.ofEpochMilli(now));
        switch (o) {
            case SUCCESS -> {
                r.outputs.put("_result", true);
                finish(t, d, r, now);
                return true;
            }
            case FAILED -> {
                fail(t, d, r, now, "job instance " + r.jobInstanceId + " execution failed");
                return true;
            }
            default -> {
                return false;
            }
        }
    }

    static String componentCode(NodeDef d) {
        Map<String, Object> c = Json.map(d.def().get("component"));
        return c == null ? "" : Json.str(c.get("code"));
    }

    private static long duration(String code, Map<String, Object> inputs) {
        if (code.equals("sleep_timer")) {
            Long s = Json.asLong(inputs.get("bk_timing"));
            return s == null ? DEFAULT_SECONDS : Math.max(0, s);
        }
        return code.equals("job_fast_execute_script") ? 3 : DEFAULT_SECONDS;
    }

    /** The component's input values with ${key} references replaced by the pipeline's constants. */
    private static Map<String, Object> renderInputs(Task t, NodeDef d) {
        Map<String, Object> constants = t.index().constants(d.pipelineId());
        Map<String, Object> out = new LinkedHashMap<>();
        Map<String, Object> data = Json.map(Json.map(d.def().get("component")).get("data"));
        if (data != null) data.forEach((k, v) -> out.put(k, render(Json.map(v).get("value"), constants)));
        return out;
    }

    static Object render(Object value, Map<String, Object> constants) {
        if (!(value instanceof String s) || !s.contains("${")) return value;
        Object whole = constants.get(s);
        if (whole != null) return whole;
        Matcher m = VAR.matcher(s);
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
            Object v = constants.get(m.group());
            m.appendReplacement(sb, Matcher.quoteReplacement(v == null ? m.group() : String.valueOf(v)));
        }
        m.appendTail(sb);
        return sb.toString();
    }

    private static void complete(Task t, NodeDef d, NodeRun r) {
        long at = r.dueAt;
        String failure = failure(componentCode(d), r);
        if (failure == null) {
            r.outputs.put("_result", true);
            finish(t, d, r, at);
        } else if (Boolean.TRUE.equals(d.def().get("error_ignorable"))) {
            r.exData = failure;
            r.errorIgnored = true;
            r.outputs.put("_result", false);
            finish(t, d, r, at);
        } else {
            fail(t, d, r, at, failure);
        }
    }

    static void fail(Task t, NodeDef d, NodeRun r, long at, String exData) {
        r.state = "FAILED";
        r.finish = at;
        r.dueAt = null;
        r.exData = exData;
        r.outputs.put("_result", false);
        // bk-sops gcloud/taskflow3/signals/handlers.py _dispatch_auto_retry_node_task: on FAILED, unless
        // retry_times + 1 > max_retry_times, auto_retry_node is queued with countdown=strategy.interval
        World.AutoRetry s = t.autoRetry.get(d.id());
        if (s != null && s.retryTimes + 1 <= s.maxRetryTimes) s.dueAt = at + 1000L * s.interval;
    }

    /**
     * Runs the auto retries due by {@code now}, earliest first. bk-sops gcloud/taskflow3/celery/tasks.py
     * auto_retry_node: dispatch("retry", operator="system", inputs={}) (refused, and only logged, when the node is no
     * longer FAILED), then retry_times + 1 in every case.
     */
    private static boolean autoRetry(World w, Task t, long now) {
        boolean any = false;
        List<Map.Entry<String, World.AutoRetry>> due = new ArrayList<>();
        for (Map.Entry<String, World.AutoRetry> e : t.autoRetry.entrySet()) {
            if (e.getValue().dueAt != null && e.getValue().dueAt <= now) due.add(e);
        }
        due.sort(Comparator.comparingLong(e -> e.getValue().dueAt));
        for (Map.Entry<String, World.AutoRetry> e : due) {
            World.AutoRetry s = e.getValue();
            long at = s.dueAt;
            s.dueAt = null;
            NodeDef d = t.index().node(e.getKey());
            NodeRun r = t.runs.get(e.getKey());
            if (d != null && r != null && "FAILED".equals(r.state) && !Boolean.FALSE.equals(d.def().get("retryable"))) {
                r.histories.add(Json.obj("start_time", Call.time(r.start), "finish_time", Call.time(r.finish),
                        "elapsed_time", StatusTree.elapsed(r, at), "inputs", r.inputs, "outputs", r.outputs, "ex_data", r.exData,
                        "loop", r.loop, "skip", r.skip, "version", r.version, "history_id", r.histories.size() + 1, "state", r.state));
                r.retry++;
                startActivity(w, t, d, at, r.inputs);
            }
            s.retryTimes++;
            any = true;
        }
        return any;
    }

    /** A task that no longer runs: its queued auto retries still fire, are refused, and count (see autoRetry). */
    private static boolean expireAutoRetries(Task t, long now) {
        boolean any = false;
        for (World.AutoRetry s : t.autoRetry.values()) {
            if (s.dueAt != null && s.dueAt <= now) {
                s.dueAt = null;
                s.retryTimes++;
                any = true;
            }
        }
        return any;
    }

    private static String failure(String code, NodeRun r) {
        if (code.equals("bk_http_request") && String.valueOf(r.inputs.get("bk_http_request_url")).contains("flaky") && r.attempts == 1) {
            return "请求异常 request failed: HTTP 503 Service Unavailable (url: " + r.inputs.get("bk_http_request_url") + ")";
        }
        if (code.equals("job_fast_execute_script") && String.valueOf(r.inputs.get("job_content")).contains("exit 1")) {
            return "JOB执行失败 job failed: script exited with code 1";
        }
        return null;
    }

    private static void gateway(Task t, NodeDef d, long at) {
        TaskIndex idx = t.index();
        String converge = Json.str(d.def().get("converge_gateway_id"));
        List<String> out = idx.outgoing(d.id());
        switch (d.type()) {
            case "ConvergeGateway" -> {
                int n = t.arrivals.merge(d.id(), 1, Integer::sum);
                int expected = t.expected.getOrDefault(d.id(), Json.ids(d.def().get("incoming")).size());
                if (n >= expected) {
                    t.arrivals.remove(d.id());
                    t.expected.remove(d.id());
                    finish(t, d, run(t, d.id(), at), at);
                }
            }
            case "ParallelGateway" -> {
                if (converge != null) t.expected.put(converge, out.size());
                finish(t, d, run(t, d.id(), at), at);
            }
            case "ExclusiveGateway", "ConditionalParallelGateway" -> {
                NodeRun r = run(t, d.id(), at);
                List<String> chosen = new ArrayList<>();
                try {
                    Map<String, Object> conditions = Json.map(d.def().getOrDefault("conditions", Map.of()));
                    Map<String, Object> constants = idx.constants(d.pipelineId());
                    for (String f : out) {
                        Map<String, Object> c = Json.map(conditions.get(f));
                        if (c != null && Condition.evaluate(Json.str(c.get("evaluate")), constants)) chosen.add(f);
                        if (d.type().equals("ExclusiveGateway") && !chosen.isEmpty()) break;
                    }
                } catch (IllegalArgumentException e) {
                    fail(t, d, r, at, "evaluate[" + e.getMessage() + "] error");
                    return;
                }
                if (chosen.isEmpty()) {
                    fail(t, d, r, at, "all conditions of branches are not meet");
                    return;
                }
                takeBranches(t, d, r, chosen, at);
            }
            default -> fail(t, d, run(t, d.id(), at), at, "unsupported gateway type " + d.type());
        }
    }

    static void takeBranches(Task t, NodeDef d, NodeRun r, List<String> flows, long at) {
        String converge = Json.str(d.def().get("converge_gateway_id"));
        if (converge != null) t.expected.put(converge, flows.size());
        r.state = "FINISHED";
        r.finish = at;
        r.exData = null;
        for (String f : flows) t.tokens.add(new Token(t.index().target(f), at));
    }

    // ---- Job fidelity (issue 12): the fast Job plugins the Job simulator runs ----

    private static final String JOB_URL = "http://job.sandbox.local/api_execute/";

    /**
     * job_fast_execute_script with rolling execution on (bk-sops fast_execute_script/v1_2.py and later, plugin_execute:
     * job_rolling_config.job_rolling_execute → rolling_config) and job_fast_push_file start a fast Job instance. Their
     * outputs are the plugins': job_inst_id (fast_execute_script; fast_push_file legacy and v1.0), or from
     * fast_push_file v2.0 on the list job_instance_id_list with the batch fields of its plugin_execute. Other
     * fast_execute_script nodes stay timed (template 3). False when the node starts no Job instance.
     */
    private static boolean startFastJob(World w, NodeDef d, NodeRun r, String code, String executor, long at) {
        JobSimulator.FastJob kind = JobSimulator.FastJob.PUSH_FILE;
        if (code.equals("job_fast_execute_script")) {
            Map<String, Object> rolling = Json.map(r.inputs.get("job_rolling_config"));
            Object open = rolling == null ? null : rolling.get("job_rolling_execute");
            if (!(open instanceof List<?> l && l.contains("open")) && !Boolean.TRUE.equals(open)) return false;
            kind = JobSimulator.FastJob.ROLLING_SCRIPT;
        }
        long inst = JobSimulator.createFastInstance(w.job, SandboxCredentials.BIZ_ID, kind, d.name(), executor,
                Instant.ofEpochMilli(at));
        r.jobInstanceId = inst;
        r.dueAt = null;
        String version = Json.str(Json.map(d.def().get("component")).get("version"));
        boolean listed = kind == JobSimulator.FastJob.PUSH_FILE && version != null && !version.equals("legacy")
                && !version.startsWith("v1") && !version.startsWith("1");
        if (listed) {
            // fast_push_file/v2_0.py plugin_execute, with one fast_transfer_file request
            r.outputs.put("task_count", 1);
            r.outputs.put("request_success_count", 1);
            r.outputs.put("success_count", 0);
            r.outputs.put("job_instance_id_list", new ArrayList<>(List.of(inst)));
            r.outputs.put("job_inst_url", new ArrayList<>(List.of(JOB_URL + inst)));
            r.outputs.put("requests_error", "");
            r.outputs.put("job_id_of_batch_execute", new ArrayList<>(List.of(inst)));
            r.outputs.put("final_res", true);
        } else {
            r.outputs.put("job_inst_id", inst);
        }
        return true;
    }

    /**
     * bk-sops JobScheduleService.plugin_schedule (job/base.py), which job_fast_push_file v2.0+ uses: it polls
     * get_job_instance_status and reads job_instance.status: 3 succeeded, "elif job_status > 3" failed (so a job
     * waiting for a person, 7, fails the node), anything else still runs. Polled at each request, not every 5 s.
     */
    private static boolean followPolledJob(World w, Task t, NodeDef d, NodeRun r, long now) {
        int status = JobSimulator.jobStatus(w.job, r.jobInstanceId, Instant.ofEpochMilli(now));
        if (status == 3) {
            r.outputs.put("success_count", 1);
            r.outputs.put("job_id_of_batch_execute", new ArrayList<>());
            r.outputs.put("_result", true);
            finish(t, d, r, now);
            return true;
        }
        if (status > 3) {
            r.outputs.put("job_id_of_batch_execute", new ArrayList<>());
            fail(t, d, r, now, "任务执行失败，<a href='" + JOB_URL + r.jobInstanceId
                    + "' target='_blank'>前往作业平台(JOB)查看详情</a>\n");
            return true;
        }
        return false;
    }
}
