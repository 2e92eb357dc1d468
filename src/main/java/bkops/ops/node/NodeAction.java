package bkops.ops.node;

import bkops.model.PipelineTree.Node;
import bkops.model.PipelineTree.NodeType;
import bkops.model.State;

import java.util.Optional;
import java.util.Set;

/**
 * What can be done to a node, with the operate_node action it sends and what the engine needs first (sops-api §6.4).
 * The check runs before sending so a refusal is explained in words; the server still has the last word.
 */
public enum NodeAction {
    RETRY("retry", "retry", false, Set.of(State.FAILED)),
    SKIP("skip", "skip", true, Set.of(State.FAILED)),
    SKIP_GATEWAY("skip_exg", "skip-gateway", true, Set.of(State.FAILED)),
    /** Sent through node_callback (it takes a version); operate_node's callback cannot. */
    CALLBACK("callback", "callback", false, Set.of(State.RUNNING)),
    /** A node not reached yet may be paused in advance: the flow stops before it. */
    PAUSE("pause", "pause", false, Set.of(State.PENDING, State.READY, State.RUNNING)),
    /** PENDING too: a node paused in advance has no state record, so its pause cannot be seen. */
    RESUME("resume", "resume", false, Set.of(State.SUSPENDED, State.PENDING)),
    PAUSE_SUBPROCESS("pause_subproc", "pause-subprocess", false, Set.of(State.READY, State.RUNNING)),
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

    /** The command's name, as the operator typed it. */
    public String verb() {
        return verb;
    }

    /** Skipping or failing a node cannot be undone: these ask before acting. */
    public boolean destructive() {
        return destructive;
    }

    /** Why the action cannot work on this node in this state, in the operator's words; empty when it can. */
    public Optional<String> refusal(Node node, State state) {
        String who = "node " + TaskNodes.label(node);
        String kind = kindProblem(node);
        if (kind != null) {
            return Optional.of(who + " is " + article(node) + "; " + kind);
        }
        if (this == RETRY && !node.retryable()) {
            return Optional.of(who + " is not retryable (retryable is false in the task's tree)");
        }
        if (this == SKIP && !node.skippable()) {
            return Optional.of(who + " is not skippable (skippable is false in the task's tree)");
        }
        if (!states.contains(state)) {
            return Optional.of(who + " is " + shown(state) + "; " + verb + " needs " + needed());
        }
        return Optional.empty();
    }

    private String kindProblem(Node node) {
        NodeType t = node.type();
        return switch (this) {
            case RETRY -> t == NodeType.SUBPROCESS ? "retry the failed node inside it" : null;
            case SKIP -> t == NodeType.SERVICE ? null
                    : t == NodeType.EXCLUSIVE ? "use skip-gateway to choose its branch" : "skip works on task nodes only";
            case SKIP_GATEWAY -> t == NodeType.EXCLUSIVE ? null : "skip-gateway needs an exclusive gateway";
            case CALLBACK, FORCED_FAIL -> t == NodeType.SERVICE ? null : verb + " works on task nodes only";
            case PAUSE, RESUME -> t == NodeType.SUBPROCESS ? "use " + verb + "-subprocess" : null;
            case PAUSE_SUBPROCESS, RESUME_SUBPROCESS -> t == NodeType.SUBPROCESS ? null : verb + " needs a subprocess node";
        };
    }

    private static String article(Node node) {
        return switch (node.type()) {
            case SUBPROCESS -> "a subprocess";
            case SERVICE -> "a task node";
            case START, END -> "an event";
            case EXCLUSIVE -> "an exclusive gateway";
            case PARALLEL -> "a parallel gateway";
            case CONDITIONAL_PARALLEL -> "a conditional parallel gateway";
            case CONVERGE -> "a converge gateway";
            case UNKNOWN -> "a " + node.rawType();
        };
    }

    private static String shown(State s) {
        return s == State.PENDING ? "not reached yet" : s.name();
    }

    private String needed() {
        return switch (this) {
            case CALLBACK -> "RUNNING (waiting for a callback)";
            case PAUSE -> "a node not finished yet (READY, RUNNING or not reached)";
            case RESUME -> "SUSPENDED";
            case PAUSE_SUBPROCESS -> "READY or RUNNING";
            default -> states.iterator().next().name();
        };
    }
}
