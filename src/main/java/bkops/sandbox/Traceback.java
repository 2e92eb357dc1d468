package bkops.sandbox;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Python tracebacks shaped as the real service sends them, file paths and all, so that clients meet them.
 * An engine refusal: bamboo-engine api.py {@code _ensure_return_api_result} catches the exception and keeps
 * {@code traceback.format_exc()}; bk-sops gcloud/taskflow3/domains/dispatchers/base.py {@code ensure_return_is_dict}
 * answers {@code {"result": false, "message": "fail: " + trace}}. A failing plugin: bamboo-engine
 * handlers/service_activity.py {@code execute} stores {@code traceback.format_exc()} as the node's ex_data.
 * Line numbers are those of bamboo-engine-v2.11.3.
 */
final class Traceback {
    private static final String SITE = "/app/.heroku/python/lib/python3.11/site-packages/";
    private static final String API = SITE + "bamboo_engine/api.py";
    private static final String ENGINE = SITE + "bamboo_engine/engine.py";
    private static final String INVALID = "bamboo_engine.exceptions.InvalidOperationError";

    /** bamboo_engine/api.py: the line of each engine call and its text. */
    private static final Map<String, Object[]> CALLS = Map.of(
            "pause_pipeline", new Object[] {110, "Engine(runtime).pause_pipeline(pipeline_id)"},
            "resume_pipeline", new Object[] {140, "Engine(runtime).resume_pipeline(pipeline_id)"},
            "pause_node_appoint", new Object[] {155, "Engine(runtime).pause_node_appoint(node_id)"},
            "resume_node_appoint", new Object[] {170, "Engine(runtime).resume_node_appoint(node_id)"},
            "retry_node", new Object[] {191, "Engine(runtime).retry_node(node_id, data, loop_retry)"},
            "retry_subprocess", new Object[] {206, "Engine(runtime).retry_subprocess(node_id)"},
            "skip_node", new Object[] {223, "Engine(runtime).skip_node(node_id, loop_skip)"},
            "skip_exclusive_gateway", new Object[] {240, "Engine(runtime).skip_exclusive_gateway(node_id, flow_id)"},
            "forced_fail_activity", new Object[] {285,
                    "Engine(runtime).forced_fail_activity(node_id, ex_data, send_post_set_state_signal)"},
            "callback", new Object[] {302, "Engine(runtime).callback(node_id, version, data)"});

    private record Frame(String file, int line, String function, String source) {
    }

    private Traceback() {}

    /** An InvalidOperationError raised by the engine method {@code function} at {@code line} of engine.py. */
    static SandboxError invalid(String function, int line, String source, String message) {
        return refusal(function, List.of(new Frame(ENGINE, line, function, source)), INVALID, message);
    }

    /** A NotFoundError raised by the engine method {@code function} at {@code line} of engine.py. */
    static SandboxError notFound(String function, int line, String source, String message) {
        return refusal(function, List.of(new Frame(ENGINE, line, function, source)), "bamboo_engine.exceptions.NotFoundError", message);
    }

    /** The engine asked for a FAILED node and found another state (engine.py _ensure_state_is_fail_and_return_process_info). */
    static SandboxError notFailed(String function, int line, String nodeId, String state) {
        return refusal(function, List.of(
                new Frame(ENGINE, line, function, "process_info = self._ensure_state_is_fail_and_return_process_info(state)"),
                new Frame(ENGINE, 1431, "_ensure_state_is_fail_and_return_process_info",
                        "raise InvalidOperationError(\"{} state is not FAILED, actual {}\".format(state.node_id, state.name))")),
                INVALID, nodeId + " state is not FAILED, actual " + state);
    }

    /** A state change the engine's transition table forbids (pipeline/eri/imp/state.py set_state). */
    static SandboxError transit(String function, int line, String toState, String nodeId, String from) {
        return refusal(function, List.of(
                new Frame(ENGINE, line, function, "self.runtime.set_state(node_id=" + (function.endsWith("_pipeline")
                        ? "pipeline_id" : "node_id") + ", to_state=states." + toState + ")"),
                new Frame(SITE + "pipeline/eri/imp/state.py", 316, "set_state", "raise RuntimeError(")),
                "RuntimeError", "can't not transit node(" + nodeId + ") state from " + from + " to " + toState);
    }

    /** A node the engine has no state record for: it never ran (pipeline/eri/imp/state.py get_state). */
    static SandboxError noState(String function, int line) {
        return refusal(function, List.of(
                new Frame(ENGINE, line, function, "state = self.runtime.get_state(node_id)"),
                new Frame(SITE + "pipeline/eri/imp/state.py", 37, "get_state", "state = DBState.objects.get(node_id=node_id)")),
                "pipeline.eri.models.State.DoesNotExist", "State matching query does not exist.");
    }

    /** A dict lookup that failed in the engine (e.g. an unknown flow id at engine.py:504). */
    static SandboxError keyError(String function, int line, String source, String key) {
        return refusal(function, List.of(new Frame(ENGINE, line, function, source)), "KeyError", "'" + key + "'");
    }

    /** The ex_data of a plugin that raised inside execute (handlers/service_activity.py). */
    static String plugin(String pluginFile, int line, String function, String source, String exception, String message) {
        return format(List.of(
                new Frame(SITE + "bamboo_engine/handlers/service_activity.py", 300, "execute",
                        "execute_success = service.execute(data=service_data, root_pipeline_data=root_pipeline_data)"),
                new Frame(SITE + "pipeline/eri/imp/service.py", 38, "execute", "return self.service.execute(data, root_pipeline_data)"),
                new Frame("/app/pipeline_plugins/base/core.py", 204, "execute", "result = self.plugin_execute(data, parent_data)"),
                new Frame(pluginFile, line, function, source)), exception, message);
    }

    private static SandboxError refusal(String function, List<Frame> raised, String exception, String message) {
        Object[] call = CALLS.get(function);
        List<Frame> frames = new ArrayList<>();
        frames.add(new Frame(API, 67, "wrapper", "data = func(*args, **kwargs)"));
        frames.add(new Frame(API, (Integer) call[0], function, (String) call[1]));
        frames.addAll(raised);
        return new SandboxError(3599999, "fail: " + format(frames, exception, message));
    }

    private static String format(List<Frame> frames, String exception, String message) {
        StringBuilder sb = new StringBuilder("Traceback (most recent call last):\n");
        for (Frame f : frames) {
            sb.append("  File \"").append(f.file()).append("\", line ").append(f.line()).append(", in ").append(f.function())
                    .append("\n    ").append(f.source()).append('\n');
        }
        return sb.append(exception).append(": ").append(message).append('\n').toString();
    }
}
