package bkops.render;

import bkops.ops.Outcome;
import bkops.ops.TaskSnapshot;
import bkops.ops.Verdict;
import bkops.ops.WaitingOn;

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
        return interrupted(ids, watch, false);
    }

    /** The same for a wait that waited past waiting states: resumed the same way. */
    public static String interrupted(java.util.List<String> ids, boolean watch, boolean throughWaiting) {
        return "bkops: interrupted; the task" + (ids.size() == 1 ? " goes" : "s go") + " on. Resume with: bkops task "
                + (watch ? "watch " : "wait ") + String.join(" ", ids) + (throughWaiting ? " --through-waiting" : "");
    }

    /** The wait's --timeout passed before these tasks ended. */
    public static String deadlinePassed(java.time.Duration deadline, java.util.List<String> open, boolean watch) {
        return deadlinePassed(deadline, open, watch, false);
    }

    /** The same for a wait that waited past waiting states: resumed the same way. */
    public static String deadlinePassed(java.time.Duration deadline, java.util.List<String> open, boolean watch,
                                        boolean throughWaiting) {
        return "bkops: --timeout " + StatusTreeRenderer.formatDuration(deadline.toSeconds()) + " passed; still "
                + "not done: task " + String.join(", ", open) + ". Resume with: bkops task "
                + (watch ? "watch " : "wait ") + String.join(" ", open) + (throughWaiting ? " --through-waiting" : "");
    }

    private static final java.time.format.DateTimeFormatter SINCE =
            java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss Z");

    /**
     * What a task waits on, one line: "task 42 waits on a callback at 人工确认 approve (n1) since 2026-11-25 10:00:00
     * +0800; ...". Names come from the server: made safe for a terminal.
     */
    public static String waitingOn(WaitingOn w) {
        java.util.List<String> parts = w.items().stream().map(VerdictText::waitingOn).toList();
        return TerminalText.line("task " + w.taskId() + " waits on " + String.join("; ", parts));
    }

    private static String waitingOn(WaitingOn.Item i) {
        String at = " at " + (i.name().isBlank() ? i.nodeId() : i.name() + " (" + i.nodeId() + ")");
        String text = switch (i.why()) {
            case TASK_PAUSED -> "a resume: the task is paused";
            case CLAIM -> "a claim: a functional task nobody has claimed";
            case NODE_PAUSED -> "a resume" + at + ": the node is paused";
            case SUBPROCESS_PAUSED -> "a resume" + at + ": the subprocess is paused";
            case CALLBACK -> "a callback" + at;
            case APPROVAL -> "an approval" + at;
            case JOB -> (i.job().stepType() == bkops.model.job.StepType.CONFIRM ? "a confirmation in Job instance "
                    : "the next rolling batch of Job instance ") + i.job().jobInstanceId() + " (step "
                    + i.job().stepInstanceId() + " " + i.job().stepName() + ")" + at;
        };
        return text + (i.since() == null ? "" : " since " + SINCE.format(i.since()));
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
