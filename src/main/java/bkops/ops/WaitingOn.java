package bkops.ops;

import bkops.model.PipelineTree;
import bkops.model.State;
import bkops.model.TaskStatus.NodeState;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * What a task waits on, for a gate that waits past it ({@link WaitRule#THROUGH_WAITING}): the nodes {@link Verdict}
 * finds waiting on someone, each with why, and the task itself when it is paused or not claimed yet. Two are equal
 * when nothing changed, so a wait says it once.
 */
public record WaitingOn(String taskId, List<Item> items) {

    public enum Why {
        /** operate_task pause: the root is SUSPENDED. */
        TASK_PAUSED,
        /** A functional task (flow_type common_func) nobody has claimed. */
        CLAIM,
        /** operate_node pause (pause_node_appoint): a node SUSPENDED. */
        NODE_PAUSED,
        /** operate_node pause_subprocess: a subprocess SUSPENDED. */
        SUBPROCESS_PAUSED,
        /** A pause_node RUNNING: it sleeps until node_callback. */
        CALLBACK,
        /** A bk_approve RUNNING: it sleeps until ITSM calls back with approve_result. */
        APPROVAL,
        /** A Job node RUNNING whose Job instance waits for a person ({@link TaskSnapshot.JobConfirmation}). */
        JOB
    }

    /**
     * One thing waited on. {@code nodeId} and {@code name} are empty for the task itself; {@code since} is when the
     * server says the wait began, null when it does not; {@code job} only for {@link Why#JOB}.
     */
    public record Item(Why why, String nodeId, String name, OffsetDateTime since, TaskSnapshot.JobConfirmation job) {
    }

    public WaitingOn {
        items = List.copyOf(items);
    }

    /** Nothing: the task is not waiting on anyone. */
    public boolean none() {
        return items.isEmpty();
    }

    /** What the task waits on now; nothing unless its verdict is WAITING (a failed node is not waited past). */
    public static WaitingOn of(TaskSnapshot s) {
        Verdict v = Verdict.of(s);
        List<Item> items = new ArrayList<>();
        if (v.outcome() != Outcome.WAITING) {
            return new WaitingOn(s.taskId(), items);
        }
        if (s.status().state() == State.SUSPENDED) {
            // bamboo-pipeline pipeline/eri/imp/state.py set_state: a pause sets no time (started_time only when asked)
            items.add(new Item(Why.TASK_PAUSED, "", "", null, null));
        } else if (s.server().awaitsClaim()) {
            items.add(new Item(Why.CLAIM, "", "", null, null));
        }
        for (Verdict.Attention a : v.nodes()) {
            NodeState n = s.status().find(a.nodeId()).orElse(null);
            PipelineTree.Node def = s.tree() == null ? null : s.tree().node(a.nodeId()).orElse(null);
            boolean subprocess = (n != null && !n.children().isEmpty())
                    || (def != null && def.type() == PipelineTree.NodeType.SUBPROCESS);
            Item item = switch (a.state()) {
                case SUSPENDED -> new Item(subprocess ? Why.SUBPROCESS_PAUSED : Why.NODE_PAUSED, a.nodeId(), a.name(),
                        null, null);
                case RUNNING -> running(s, a, def, n);
                default -> null; // FAILED: not a wait
            };
            if (item != null) {
                items.add(item);
            }
        }
        return new WaitingOn(s.taskId(), items);
    }

    /**
     * A running node Verdict found waiting. pause_node and bk_approve wait from their start: bk-sops
     * pipeline_plugins/components/collections/controller.py PauseService.plugin_execute returns at once and
     * plugin_schedule waits for callback_data; sites/open/bk/approve/v1_0.py plugin_execute opens the ITSM ticket, then
     * plugin_schedule waits for approve_result. A Job node's start is not when its step began to wait: no time.
     */
    private static Item running(TaskSnapshot s, Verdict.Attention a, PipelineTree.Node def, NodeState n) {
        TaskSnapshot.JobConfirmation job = s.confirmations().get(a.nodeId());
        if (job != null) {
            return new Item(Why.JOB, a.nodeId(), a.name(), null, job);
        }
        String code = def == null || def.component() == null ? "" : def.component().code();
        return new Item("bk_approve".equals(code) ? Why.APPROVAL : Why.CALLBACK, a.nodeId(), a.name(),
                n == null ? null : n.start(), null);
    }
}
