package bkops.cli.task;

import bkops.ops.Outcome;
import bkops.ops.Verdict;
import bkops.render.ErrorText;
import bkops.render.Style;

import java.io.PrintWriter;

/** The verdict of a wait that did not end in FINISHED, for stderr: what happened, which nodes, what to type. */
final class VerdictText {

    private VerdictText() {}

    static void print(Verdict v, Style style, PrintWriter err) {
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
