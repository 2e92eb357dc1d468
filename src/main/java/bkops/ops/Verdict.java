package bkops.ops;

import bkops.model.PipelineTree.Node;
import bkops.model.PipelineTree.NodeType;
import bkops.model.PipelineTree;
import bkops.model.State;
import bkops.model.TaskStatus.NodeState;
import bkops.model.TaskStatus;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a task's status means to an operator: the outcome, the nodes that need someone (failed, paused, waiting for a
 * callback) with their first error line, and the exact bkops commands that act on them.
 */
public record Verdict(String taskId, Outcome outcome, List<Attention> nodes, List<String> taskCommands) {

    /**
     * Components that sleep until a callback or a person answers: bk-sops
     * pipeline_plugins/components/collections/controller.py PauseComponent (pause_node), .../sites/open/bk/approve.
     */
    private static final Set<String> WAITING_COMPONENTS = Set.of("pause_node", "bk_approve", "approve");
    /** The ITSM approval (bk-sops pipeline_plugins/components/collections/sites/open/bk/approve/v1_0.py). */
    private static final String APPROVAL = "bk_approve";

    /** A node that needs someone: why, and what to type. */
    /**
     * {@code reason}: the node's error as the server gave it, or our words in English; {@code text}: our words to be
     * said in the run's language (errors.ops.verdict.*), null when the reason is the server's.
     */
    public record Attention(String nodeId, String name, State state, String reason, List<String> commands,
                            bkops.i18n.Text text) {
        public Attention(String nodeId, String name, State state, String reason, List<String> commands) {
            this(nodeId, name, state, reason, commands, null);
        }

        Attention(String nodeId, String name, State state, bkops.i18n.Text text, List<String> commands) {
            this(nodeId, name, state, text.english(), commands, text);
        }
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
            case ROLL_BACK_FAILED -> Outcome.FAILED;
            case SUSPENDED, NODE_SUSPENDED -> Outcome.WAITING;
            // BLOCKED is engine v1's (bamboo-pipeline pipeline/engine/states.py; bamboo_engine never sets it): a v1
            // pipeline blocked by a failed or paused node, which bk-sops taskflow3/utils.py format_pipeline_status
            // shows as FAILED or NODE_SUSPENDED; what is left BLOCKED is still moving, so it is judged by its nodes
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

    /**
     * Depth first in the order the status lists nodes. A subprocess contributes its inner nodes, and itself only when
     * the engine holds it FAILED (it failed before anything inside ran) or SUSPENDED (paused).
     */
    private static void collect(String taskId, PipelineTree tree, TaskStatus status,
                                Map<String, TaskSnapshot.JobConfirmation> confirmations, Map<String, NodeState> children,
                                List<Attention> out) {
        for (NodeState n : children.values()) {
            Node def = tree == null ? null : tree.node(n.id()).orElse(null);
            String name = def != null && !def.name().isBlank() ? def.name()
                    : def == null || !n.name().isBlank() ? n.name() : def.label();
            if (!n.children().isEmpty() || (def != null && def.type() == NodeType.SUBPROCESS)) {
                collect(taskId, tree, status, confirmations, n.children(), out);
                String at = taskId + " " + n.id();
                switch (n.engineState()) {
                    // bk-sops dispatchers/node.py retry_subprocess_v2; a subprocess cannot be skipped (eri/runtime.py can_skip False)
                    case FAILED -> out.add(new Attention(n.id(), name, n.state(), status.exData().getOrDefault(n.id(), ""),
                            List.of("bkops node retry " + at)));
                    case SUSPENDED -> out.add(new Attention(n.id(), name, n.state(),
                            bkops.i18n.Text.of("errors.ops.verdict.subprocess-paused"),
                            List.of("bkops node resume-subprocess " + at)));
                    default -> { }
                }
                continue;
            }
            switch (n.state()) {
                case FAILED -> out.add(failed(taskId, n, def, name, status.exData().getOrDefault(n.id(), "")));
                case SUSPENDED -> out.add(new Attention(n.id(), name, n.state(), bkops.i18n.Text.of("errors.ops.verdict.paused"),
                        List.of("bkops node resume " + taskId + " " + n.id())));
                case RUNNING -> {
                    TaskSnapshot.JobConfirmation job = confirmations.get(n.id());
                    if (job != null) {
                        out.add(new Attention(n.id(), name, n.state(), job.reasonText(), List.of(job.command())));
                    } else if (def != null && def.component() != null && APPROVAL.equals(def.component().code())) {
                        // approve/v1_0.py plugin_schedule reads callback_data["approve_result"]
                        String at = taskId + " " + n.id();
                        out.add(new Attention(n.id(), name, n.state(), bkops.i18n.Text.of("errors.ops.verdict.approval"),
                                List.of("bkops node callback " + at + " --approve", "bkops node callback " + at + " --reject")));
                    } else if (def != null && def.component() != null && WAITING_COMPONENTS.contains(def.component().code())) {
                        out.add(new Attention(n.id(), name, n.state(), bkops.i18n.Text.of("errors.ops.verdict.callback"),
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
        // skip and skip-gateway are destructive: without a terminal they are refused unless --yes (ChangeRunner), and
        // a verdict is read as often from a CI log as at a terminal, so the command given is the one that works in both
        if (def != null && def.type() == NodeType.EXCLUSIVE) {
            def.outgoing().forEach(flow -> commands.add("bkops node skip-gateway " + at + " --flow " + flow
                    + " --yes   # " + def.branchLabel(flow)));
        } else {
            // what the engine allows: only an explicit false in the tree refuses (PipelineTree#retryable, #skippable)
            if (def == null || def.retryable()) {
                commands.add("bkops node retry " + at);
            }
            if (def == null || def.skippable()) {
                commands.add("bkops node skip " + at + " --yes");
            }
        }
        return new Attention(n.id(), name, n.state(), error, List.copyOf(commands));
    }
}
