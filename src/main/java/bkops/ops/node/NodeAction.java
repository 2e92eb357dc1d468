package bkops.ops.node;

import bkops.i18n.Text;
import bkops.model.PipelineTree.Node;
import bkops.model.PipelineTree.NodeType;
import bkops.model.State;

import java.util.Optional;
import java.util.Set;

/**
 * What can be done to a node, with the operate_node action it sends and what the engine needs first. Each check is
 * the one bamboo-engine engine.py makes (its method named below), judged on the state the engine holds rather than
 * the one get_task_status displays (see {@link bkops.model.TaskStatus.NodeState#engineState}). The check runs before
 * sending so a refusal is explained in words; the server still has the last word (--force).
 */
public enum NodeAction {
    /** engine.py retry_node: can_retry, then FAILED; a SubProcess node is retried with retry_subprocess. */
    RETRY("retry", "retry", false, Set.of(State.FAILED)),
    /** engine.py skip_node: can_skip, a ServiceActivity or the start event (PURE_SKIP_ENABLE_NODE_TYPE), FAILED. */
    SKIP("skip", "skip", true, Set.of(State.FAILED)),
    SKIP_GATEWAY("skip_exg", "skip-gateway", true, Set.of(State.FAILED)),
    /** Sent through node_callback (it takes a version); operate_node's callback cannot. */
    CALLBACK("callback", "callback", false, Set.of(State.RUNNING)),
    /** A node not reached yet may be paused in advance: the flow stops before it. */
    PAUSE("pause", "pause", false, Set.of(State.PENDING, State.READY, State.RUNNING)),
    /** PENDING too: a node paused in advance has no state record, so its pause cannot be seen. */
    RESUME("resume", "resume", false, Set.of(State.SUSPENDED, State.PENDING)),
    /**
     * engine.py pause_pipeline: set_state(SUSPENDED), allowed from READY and RUNNING (states.py TRANSITION). A subprocess
     * displayed FAILED or NODE_SUSPENDED because of a node inside it is RUNNING in the engine, so it can be paused.
     */
    PAUSE_SUBPROCESS("pause_subproc", "pause-subprocess", false, Set.of(State.READY, State.RUNNING)),
    /** engine.py resume_pipeline: SUSPENDED. */
    RESUME_SUBPROCESS("resume_subproc", "resume-subprocess", false, Set.of(State.SUSPENDED)),
    FORCED_FAIL("forced_fail", "forced-fail", true, Set.of(State.RUNNING));

    private final String api;
    private final String verb;
    private final boolean destructive;
    private final Set<State> states;

    NodeAction(String api, String verb, boolean destructive, Set<State> states) {
        this.api = api;
        this.verb = verb;
        this.destructive = destructive;
        this.states = states;
    }

    /** The operate_node {@code action} value. */
    public String api() {
        return api;
    }

    /**
     * The operate_node {@code action} for this node. A SubProcess node that itself failed is retried with
     * retry_subprocess, as the web UI's retry button does for a node without a component (bk-sops frontend
     * TaskOperation.vue onRetryTask -> subflowNodeRetry); engine.py retry_subprocess also resets the pipeline stack.
     */
    public String api(Node node) {
        return this == RETRY && node.type() == NodeType.SUBPROCESS ? "retry_subprocess" : api;
    }

    /** The command's name, as the operator typed it. */
    public String verb() {
        return verb;
    }

    /** Skipping or failing a node cannot be undone: these ask before acting. */
    public boolean destructive() {
        return destructive;
    }

    /** {@link #refusal(Node, State, State)} for a node whose displayed state is the engine's (any node without children). */
    public Optional<String> refusal(Node node, State state) {
        return refusal(node, state, state);
    }

    /**
     * Why the action cannot work on this node, in the operator's words; empty when it can. {@code shown} is the state
     * get_task_status displays, {@code engine} the one the engine holds (they differ for a subprocess or the root).
     */
    public Optional<String> refusal(Node node, State shown, State engine) {
        return refusalText(node, shown, engine).map(Text::english);
    }

    /** {@link #refusal(Node, State, State)} to be said in the run's language (errors.ops.node.*). */
    public Optional<Text> refusalText(Node node, State shown, State engine) {
        String who = node.label();
        Text kind = kindProblem(node);
        if (kind != null) {
            return Optional.of(Text.of("errors.ops.node.kind", who, article(node), kind));
        }
        // Only an explicit false refuses: the keys are absent from older trees (PipelineTree#retryable)
        if (this == RETRY && !node.retryable()) {
            return Optional.of(Text.of("errors.ops.node.not-retryable", who));
        }
        if (this == SKIP && !node.skippable()) {
            return Optional.of(Text.of("errors.ops.node.not-skippable", who));
        }
        if (this == RETRY && node.type() == NodeType.SUBPROCESS && shown == State.FAILED && engine == State.RUNNING) {
            return Optional.of(Text.of("errors.ops.node.failed-inside", who));
        }
        if (!states.contains(engine)) {
            return Optional.of(shown == engine ? Text.of("errors.ops.node.state", who, shown(shown), verb, needed())
                    : Text.of("errors.ops.node.state.engine", who, shown(shown), engine, verb, needed()));
        }
        return Optional.empty();
    }

    private Text kindProblem(Node node) {
        NodeType t = node.type();
        return switch (this) {
            case RETRY -> null;
            case SKIP -> t == NodeType.SERVICE || t == NodeType.START ? null
                    : t == NodeType.EXCLUSIVE ? Text.of("errors.ops.node.use-skip-gateway")
                    : t == NodeType.SUBPROCESS ? Text.of("errors.ops.node.subprocess-no-skip")
                    : Text.of("errors.ops.node.skip-kinds");
            case SKIP_GATEWAY -> t == NodeType.EXCLUSIVE ? null : Text.of("errors.ops.node.needs-gateway");
            case CALLBACK, FORCED_FAIL -> t == NodeType.SERVICE ? null : Text.of("errors.ops.node.task-nodes-only", verb);
            case PAUSE, RESUME -> t == NodeType.SUBPROCESS ? Text.of("errors.ops.node.use-subprocess-verb", verb) : null;
            case PAUSE_SUBPROCESS, RESUME_SUBPROCESS -> t == NodeType.SUBPROCESS ? null
                    : Text.of("errors.ops.node.needs-subprocess", verb);
        };
    }

    private static Text article(Node node) {
        return switch (node.type()) {
            case SUBPROCESS -> Text.of("errors.ops.node.a.subprocess");
            case SERVICE -> Text.of("errors.ops.node.a.task-node");
            case START, END -> Text.of("errors.ops.node.a.event");
            case EXCLUSIVE -> Text.of("errors.ops.node.a.exclusive");
            case PARALLEL -> Text.of("errors.ops.node.a.parallel");
            case CONDITIONAL_PARALLEL -> Text.of("errors.ops.node.a.conditional-parallel");
            case CONVERGE -> Text.of("errors.ops.node.a.converge");
            case UNKNOWN -> Text.of("errors.ops.node.a.other", node.rawType());
        };
    }

    /** A state as the API names it, or "not reached yet" for PENDING. */
    private static Object shown(State s) {
        return s == State.PENDING ? Text.of("errors.ops.node.not-reached") : s.name();
    }

    private Object needed() {
        return switch (this) {
            case CALLBACK -> Text.of("errors.ops.node.needs.callback");
            case PAUSE -> Text.of("errors.ops.node.needs.pause");
            case RESUME -> "SUSPENDED";
            case PAUSE_SUBPROCESS -> Text.of("errors.ops.node.needs.ready-or-running");
            default -> states.iterator().next().name();
        };
    }
}
