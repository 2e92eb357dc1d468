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
        err.println(style.bold(style.text("render.verdict.task", v.taskId(), headline(v.outcome(), style))));
        for (Verdict.Attention a : v.nodes()) {
            String reason = ErrorText.firstLine(a.text() != null ? a.text().in(style.messages()) : a.reason());
            err.println("  " + style.stateLabel(a.state()) + "  " + (a.name().isBlank() ? a.nodeId() : a.name())
                    + "  (" + a.nodeId() + ")" + (reason.isEmpty() ? "" : ": " + reason));
            a.commands().forEach(c -> err.println("      " + c));
        }
        v.taskCommands().forEach(c -> err.println("  " + c));
        err.flush();
    }

    /** Ctrl-C during a wait: the tasks go on, and how to take the wait up again (with --through-waiting if it had it). */
    public static String interrupted(java.util.List<String> ids, boolean watch, boolean throughWaiting, Style style) {
        return style.text(ids.size() == 1 ? "render.wait.interrupted.one" : "render.wait.interrupted.many",
                resume(ids, watch, throughWaiting));
    }

    /** The command that takes a wait up again. */
    private static String resume(java.util.List<String> ids, boolean watch, boolean throughWaiting) {
        return "bkops task " + (watch ? "watch " : "wait ") + String.join(" ", ids)
                + (throughWaiting ? " --through-waiting" : "");
    }

    /** The wait's --timeout passed before these tasks ended. */
    public static String deadlinePassed(java.time.Duration deadline, java.util.List<String> open, boolean watch,
                                        boolean throughWaiting, Style style) {
        return style.text("render.wait.deadline", StatusTreeRenderer.formatDuration(deadline.toSeconds()),
                String.join(", ", open), resume(open, watch, throughWaiting));
    }

    private static final java.time.format.DateTimeFormatter SINCE =
            java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss Z");

    /**
     * What a task waits on, one line: "task 42 waits on a callback at 人工确认 approve (n1) since 2026-11-25 10:00:00
     * +0800; ...". Names come from the server: made safe for a terminal.
     */
    public static String waitingOn(WaitingOn w, Style style) {
        java.util.List<String> parts = w.items().stream().map(i -> waitingOn(i, style)).toList();
        return TerminalText.line(style.text("render.waiting.line", w.taskId(),
                String.join(style.text("render.waiting.separator"), parts)));
    }

    private static String waitingOn(WaitingOn.Item i, Style style) {
        String at = i.name().isBlank() ? i.nodeId() : i.name() + " (" + i.nodeId() + ")";
        String text = switch (i.why()) {
            case TASK_PAUSED -> style.text("render.waiting.task-paused");
            case CLAIM -> style.text("render.waiting.claim");
            case NODE_PAUSED -> style.text("render.waiting.node-paused", at);
            case SUBPROCESS_PAUSED -> style.text("render.waiting.subprocess-paused", at);
            case CALLBACK -> style.text("render.waiting.callback", at);
            case APPROVAL -> style.text("render.waiting.approval", at);
            case JOB -> style.text(i.job().stepType() == bkops.model.job.StepType.CONFIRM ? "render.waiting.job-confirm"
                    : "render.waiting.job-batch", i.job().jobInstanceId(), i.job().stepInstanceId(),
                    i.job().stepName(), at);
        };
        return i.since() == null ? text : style.text("render.waiting.since", text, SINCE.format(i.since()));
    }

    /**
     * A functional task nobody has claimed (bk-sops gcloud/taskflow3/models.py task_action: it waits in "func_claim"):
     * where to claim it.
     */
    public static String unclaimed(String id, String claimUrl, Style style) {
        return claimUrl == null ? style.text("render.wait.unclaimed", id)
                : style.text("render.wait.unclaimed.at", id, claimUrl);
    }

    /** What the wait says while the server is about to retry failed nodes by itself. */
    public static String autoRetryNote(TaskSnapshot s, Style style) {
        java.util.List<String> parts = s.server().autoRetrying().stream().map(r -> {
            String name = s.tree() == null ? "" : s.tree().node(r.nodeId()).map(n -> n.name()).orElse("");
            return style.text("render.wait.auto-retry.node", name.isBlank() ? r.nodeId() : name, r.done(), r.max());
        }).toList();
        return style.text("render.wait.auto-retry", s.taskId(), String.join(style.text("render.list-separator"), parts));
    }

    /** What became of the task; the states' names (FAILED, REVOKED...) are the API's, in every language. */
    static String headline(Outcome o, Style style) {
        return switch (o) {
            case FINISHED -> style.text("render.verdict.finished");
            case FAILED -> style.text("render.verdict.failed");
            case REVOKED -> style.text("render.verdict.revoked");
            case WAITING -> style.text("render.verdict.waiting");
            case EXPIRED -> style.text("render.verdict.expired");
            case NOT_FOUND -> style.text("render.verdict.not-found");
            case NOT_STARTED -> style.text("render.verdict.not-started");
            case RUNNING -> style.text("render.verdict.running");
        };
    }

}
