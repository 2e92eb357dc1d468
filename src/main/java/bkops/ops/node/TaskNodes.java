package bkops.ops.node;

import bkops.api.SopsApi;
import bkops.i18n.Text;
import bkops.model.PipelineTree.Node;
import bkops.model.PipelineTree;
import bkops.model.State;
import bkops.model.TaskStatus;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A task's nodes as the operator addresses them: the tree (from get_task_detail, so nested subprocesses are included)
 * joined with the current states (get_task_status). Node ids are unique across a task, nested ones included.
 */
public final class TaskNodes {
    private final String taskId;
    private final PipelineTree tree;
    private final TaskStatus status;

    public TaskNodes(String taskId, PipelineTree tree, TaskStatus status) {
        this.taskId = taskId;
        this.tree = tree;
        this.status = status;
    }

    /**
     * Two reads: the task's tree (get_task_detail; its 60 s server cache is harmless, the tree never changes) and the
     * states of its nodes as the engine has them now: pre-checks and read-backs must not judge on a status the server
     * cached up to 10 s ago (bk-sops gcloud/apigw/views/get_task_status.py), e.g. a node retried a moment before.
     */
    public static TaskNodes load(SopsApi api, String taskId) {
        var detail = api.taskDetail(taskId);
        var status = api.taskStatusFresh(taskId, false);
        return new TaskNodes(taskId, PipelineTree.parse(detail.path("pipeline_tree")), TaskStatus.parse(status));
    }

    public String taskId() {
        return taskId;
    }

    public PipelineTree tree() {
        return tree;
    }

    public TaskStatus status() {
        return status;
    }

    /** The state get_task_status displays; PENDING when the node has not been reached. */
    public State state(Node node) {
        return status.stateOf(node.id());
    }

    /** The state the engine holds (see {@link TaskStatus.NodeState#engineState}); PENDING when not reached. */
    public State engineState(Node node) {
        return status.find(node.id()).map(TaskStatus.NodeState::engineState).orElse(State.PENDING);
    }

    /** Where the node sits: the names of the subprocesses leading to it, then its own, joined by " / ". */
    public String path(Node node) {
        List<String> parts = new ArrayList<>();
        for (String id : tree.subprocessStack(node.id())) {
            tree.node(id).ifPresent(s -> parts.add(s.label()));
        }
        parts.add(node.label());
        return String.join(" / ", parts);
    }

    /**
     * The node an operator typed: its id, else its name when exactly one node bears it. Several matches or none
     * raise a {@link NodeSelectionException} that lists what there is to choose from.
     */
    public Node resolve(String ref) {
        Optional<Node> byId = tree.node(ref);
        if (byId.isPresent()) {
            return byId.get();
        }
        List<Node> named = tree.nodesByName(ref);
        if (named.size() == 1) {
            return named.get(0);
        }
        if (named.isEmpty()) {
            // Operators type part of a name ("部署" for "生产部署 deploy prod"): accept it when only one node matches.
            List<Node> partial = ref.isBlank() ? List.of() : tree.nodesNameContaining(ref);
            if (partial.size() == 1) {
                return partial.get(0);
            }
            if (partial.size() > 1) {
                throw new NodeSelectionException(NodeSelectionException.Reason.AMBIGUOUS,
                        Text.of("errors.ops.node.ambiguous-part", partial.size(), taskId, ref), partial);
            }
            throw new NodeSelectionException(NodeSelectionException.Reason.NOT_FOUND,
                    Text.of("errors.ops.node.not-found", taskId, ref), List.of());
        }
        throw new NodeSelectionException(NodeSelectionException.Reason.AMBIGUOUS,
                Text.of("errors.ops.node.ambiguous", named.size(), taskId, ref), named);
    }

    /**
     * Every node the engine holds FAILED, in document order at every depth: a SubProcess node only when it failed
     * itself; one that shows FAILED because a node inside failed is running, and that inner node is the one to act on.
     */
    public List<Node> failed() {
        List<Node> out = new ArrayList<>();
        collectFailed(tree, out);
        return out;
    }

    private void collectFailed(PipelineTree level, List<Node> out) {
        for (Node n : level.nodes().values()) {
            if (engineState(n) == State.FAILED) {
                out.add(n);
            }
            if (n.subprocess() != null) {
                collectFailed(n.subprocess(), out);
            }
        }
    }

    /** One way out of a diverging gateway: the flow (what skip_exg takes), its branch name and where it leads. */
    public record Branch(String flowId, String name, Node target) {
    }

    /** The gateway's outgoing branches in declared order. */
    public List<Branch> branches(Node gateway) {
        PipelineTree level = levelOf(gateway);
        List<Branch> out = new ArrayList<>();
        for (PipelineTree.Flow f : level.outgoingFlows(gateway)) {
            out.add(new Branch(f.id(), gateway.branchLabel(f.id()), level.nodes().get(f.target())));
        }
        return out;
    }

    /**
     * The branches an operator's choice names: a flow id, else a branch name (exact, then ignoring case), else the
     * name of the node the branch leads to. Empty or several: the caller lists the branches.
     */
    public List<Branch> branchesMatching(Node gateway, String choice) {
        List<Branch> all = branches(gateway);
        List<java.util.function.Predicate<Branch>> tries = List.of(
                b -> b.flowId().equals(choice),
                b -> b.name().equals(choice),
                b -> b.name().equalsIgnoreCase(choice),
                b -> b.target() != null && b.target().name().equals(choice));
        for (var t : tries) {
            List<Branch> hit = all.stream().filter(t).toList();
            if (!hit.isEmpty()) {
                return hit;
            }
        }
        return List.of();
    }

    /** The (sub)pipeline the node is declared in. */
    public PipelineTree levelOf(Node node) {
        PipelineTree level = tree;
        for (String id : tree.subprocessStack(node.id())) {
            level = tree.node(id).map(Node::subprocess).orElse(level);
        }
        return level;
    }
}
