package bkops.ops;

import bkops.model.PipelineTree;
import bkops.model.PipelineTree.Node;
import bkops.model.PipelineTree.NodeType;
import bkops.model.State;
import bkops.model.TaskStatus;
import bkops.model.TaskStatus.NodeState;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a task's status means to an operator: the outcome, the nodes that need someone (failed, paused, waiting for a
 * callback) with their first error line, and the exact bkops commands that act on them.
 */
public record Verdict(String taskId, Outcome outcome, List<Attention> nodes, List<String> taskCommands) {

    /** Components that sleep until a callback or a person answers (sops-api §6.5). */
    private static final Set<String> WAITING_COMPONENTS = Set.of("pause_node", "bk_approve", "approve");

    /** A node that needs someone: why, and what to type. */
    public record Attention(String nodeId, String name, State state, String reason, List<String> commands) {
    }

    public static Verdict of(TaskSnapshot s) {
        String id = s.taskId();
        if (s.status() == null) {
            return new Verdict(id, Outcome.NOT_FOUND, List.of(), List.of());
        }
        TaskStatus status = s.status();
        List<Attention> nodes = new ArrayList<>();
        collect(id, s.tree(), status, s.confirmations(), status.root().children(), nodes);
        State root = status.state();
        TaskSnapshot.Server server = s.server();
        Outcome outcome = switch (root) {
            // a functional task nobody claimed waits for a person (bk-sops gcloud/taskflow3/models.py task_action)
            case CREATED, READY -> server.awaitsClaim() ? Outcome.WAITING : Outcome.NOT_STARTED;
            case FINISHED -> Outcome.FINISHED;
            case REVOKED -> Outcome.REVOKED;
            case EXPIRED -> Outcome.EXPIRED;
            // the server retries auto-retry nodes by itself (bk-sops gcloud/taskflow3/signals/handlers.py): not an end yet
            case FAILED -> server.autoRetrying().isEmpty() ? Outcome.FAILED : Outcome.RUNNING;
            case ROLL_BACK_FAILED, BLOCKED -> Outcome.FAILED;
            case SUSPENDED, NODE_SUSPENDED -> Outcome.WAITING;
            default -> nodes.isEmpty() ? Outcome.RUNNING : Outcome.WAITING;
        };
        List<String> taskCommands = switch (root) {
            case SUSPENDED -> List.of("bkops task resume " + id);
            case CREATED -> List.of("bkops task start " + id + (server.awaitsClaim() ? "   # once claimed" : ""));
            default -> List.of();
        };
        boolean over = outcome == Outcome.FINISHED || outcome == Outcome.REVOKED || outcome == Outcome.EXPIRED;
        return new Verdict(id, outcome, over ? List.of() : List.copyOf(nodes), taskCommands);
    }

    /** Depth first in the order the status lists nodes; subprocesses contribute their inner nodes, not themselves. */
    private static void collect(String taskId, PipelineTree tree, TaskStatus status,
                                Map<String, TaskSnapshot.JobConfirmation> confirmations, Map<String, NodeState> children,
                                List<Attention> out) {
        for (NodeState n : children.values()) {
            Node def = tree == null ? null : tree.node(n.id()).orElse(null);
            if (!n.children().isEmpty()) {
                collect(taskId, tree, status, confirmations, n.children(), out);
                continue;
            }
            String name = def == null || def.name().isBlank() ? n.name() : def.name();
            switch (n.state()) {
                case FAILED -> out.add(failed(taskId, n, def, name, status.exData().getOrDefault(n.id(), "")));
                case SUSPENDED -> out.add(new Attention(n.id(), name, n.state(), "paused",
                        List.of("bkops node resume " + taskId + " " + n.id())));
                case RUNNING -> {
                    TaskSnapshot.JobConfirmation job = confirmations.get(n.id());
                    if (job != null) {
                        out.add(new Attention(n.id(), name, n.state(), "Job instance " + job.jobInstanceId()
                                + " waits for a confirmation at step " + job.stepInstanceId() + " " + job.stepName(),
                                List.of("bkops step operate --job " + job.jobInstanceId() + " --step "
                                        + job.stepInstanceId() + " --op confirm")));
                    } else if (def != null && def.component() != null && WAITING_COMPONENTS.contains(def.component().code())) {
                        out.add(new Attention(n.id(), name, n.state(), "waiting for a callback",
                                List.of("bkops node callback " + taskId + " " + n.id() + " --data '{}'")));
                    }
                }
                default -> { }
            }
        }
    }

    private static Attention failed(String taskId, NodeState n, Node def, String name, String error) {
        String at = taskId + " " + n.id();
        List<String> commands = new ArrayList<>();
        if (def != null && def.type() == NodeType.EXCLUSIVE) {
            def.outgoing().forEach(flow -> commands.add("bkops node skip-gateway " + at + " --flow " + flow
                    + "   # " + def.branchLabel(flow)));
        } else {
            commands.add("bkops node retry " + at);
            commands.add("bkops node skip " + at);
        }
        return new Attention(n.id(), name, n.state(), error, List.copyOf(commands));
    }
}
