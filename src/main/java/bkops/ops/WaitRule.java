package bkops.ops;

import bkops.model.State;

import java.util.Set;
import java.util.stream.Collectors;

/**
 * What ends a wait. By default every end does, a task that waits on someone included (exit 12). A gate
 * ({@link #THROUGH_WAITING}) waits past that until the task finishes, fails, is revoked or expires: what counts as
 * waiting is {@link Verdict}'s rule (a paused task or node, a node waiting for a callback, an approval or a Job
 * confirmation, a functional task not claimed yet).
 */
public enum WaitRule {
    STOP_AT_WAITING,
    THROUGH_WAITING;

    /** The verdict on a snapshot under this rule. */
    public Verdict judge(TaskSnapshot s) {
        Verdict v = Verdict.of(s);
        if (this == THROUGH_WAITING && v.outcome() == Outcome.WAITING && failedInside(v, s)) {
            // A paused task whose node failed meanwhile: the legacy status keeps the root SUSPENDED (bk-sops
            // gcloud/taskflow3/domains/dispatchers/task.py format_bamboo_engine_status_legacy rewrites only a RUNNING
            // root); the newer one shows it FAILED, "失败优先级最高" (format_bamboo_engine_status, RUNNING or
            // SUSPENDED). A failed node needs someone whatever the pause: the gate does not pass it.
            return new Verdict(v.taskId(), Outcome.FAILED, v.nodes(), v.taskCommands());
        }
        return v;
    }

    /** Whether the wait stops at this verdict. */
    public boolean ends(Verdict v) {
        return v.outcome().end() && !(this == THROUGH_WAITING && v.outcome() == Outcome.WAITING);
    }

    /** A failed node among those that need someone, other than the ones the server retries by itself. */
    private static boolean failedInside(Verdict v, TaskSnapshot s) {
        Set<String> retrying = s.server().autoRetrying().stream().map(TaskSnapshot.AutoRetry::nodeId)
                .collect(Collectors.toSet());
        return v.nodes().stream().anyMatch(a -> a.state() == State.FAILED && !retrying.contains(a.nodeId()));
    }
}
