package bkops.render;

import bkops.ops.Outcome;
import bkops.ops.TaskSnapshot;
import bkops.ops.Verdict;

import java.io.PrintWriter;

/** The verdict of a wait that did not end in FINISHED, for stderr: what happened, which nodes, what to type. */
public final class VerdictText {

    private VerdictText() {}

    public static void print(Verdict v, Style style, PrintWriter err) {
        err.println(style.bold("task " + v.taskId() + ": " + headline(v.outcome())));
        for (Verdict.Attention a : v.nodes()) {
            String reason = ErrorText.firstLine(a.reason());
            err.println("  " + style.stateLabel(a.state()) + "  " + (a.name().isBlank() ? a.nodeId() : a.name())
                    + "  (" + a.nodeId() + ")" + (reason.isEmpty() ? "" : ": " + reason));
            a.commands().forEach(c -> err.println("      " + c));
        }
        v.taskCommands().forEach(c -> err.println("  " + c));
        err.flush();
    }

    /** Ctrl-C during a wait: the tasks go on, and how to take the wait up again. */
    public static String interrupted(java.util.List<String> ids, boolean watch) {
        return "bkops: interrupted; the task" + (ids.size() == 1 ? " goes" : "s go") + " on. Resume with: bkops task "
                + (watch ? "watch " : "wait ") + String.join(" ", ids);
    }

    /** The wait's --timeout passed before these tasks ended. */
    public static String deadlinePassed(java.time.Duration deadline, java.util.List<String> open, boolean watch) {
        return "bkops: --timeout " + StatusTreeRenderer.formatDuration(deadline.toSeconds()) + " passed; still "
                + "not done: task " + String.join(", ", open) + ". Resume with: bkops task "
                + (watch ? "watch " : "wait ") + String.join(" ", open);
    }

    /**
     * A functional task nobody has claimed (bk-sops gcloud/taskflow3/models.py task_action: it waits in "func_claim"):
     * where to claim it.
     */
    public static String unclaimed(String id, String claimUrl) {
        return "bkops: task " + id + " is a functional task (flow_type common_func) that nobody has claimed: it runs only "
                + "once someone claims it" + (claimUrl == null ? "" : " at " + claimUrl) + " and it is started after "
                + "that (a start before the claim does nothing)";
    }

    /** What the wait says while the server is about to retry failed nodes by itself. */
    public static String autoRetryNote(TaskSnapshot s) {
        java.util.List<String> parts = s.server().autoRetrying().stream().map(r -> {
            String name = s.tree() == null ? "" : s.tree().node(r.nodeId()).map(n -> n.name()).orElse("");
            return (name.isBlank() ? r.nodeId() : name) + " (retried " + r.done() + " of " + r.max() + " times so far)";
        }).toList();
        return "task " + s.taskId() + ": the server retries " + String.join(", ", parts) + " by itself; still waiting";
    }

    static String headline(Outcome o) {
        return switch (o) {
            case FINISHED -> "finished";
            case FAILED -> "FAILED and waits for someone: retry or skip the failed node, or revoke the task";
            case REVOKED -> "REVOKED; nothing more will run (create a new task to run it again)";
            case WAITING -> "waiting: paused, or a node waits for a callback or a confirmation";
            case EXPIRED -> "EXPIRED; nothing more will run";
            case NOT_FOUND -> "not found";
            case NOT_STARTED -> "not started";
            case RUNNING -> "still running";
        };
    }

}
