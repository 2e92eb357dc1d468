package bkops.render;

import bkops.model.NodeLog;
import bkops.model.job.JobInstance;
import bkops.model.job.StepInstance;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

/** A node's execution log (get_task_node_log) and, for a node that ran Job instances, where their logs are. */
public final class NodeLogView {
    private NodeLogView() {}

    /**
     * The log as the server joined it, made harmless (TerminalText.safe: a line could set the window title or move
     * the cursor) whether stdout is a terminal or a pipe (a pager shows a pipe on a terminal too); -o json keeps it
     * exact.
     */
    public static void print(NodeLog log, PrintWriter out) {
        if (log.empty()) {
            return;
        }
        String text = TerminalText.safe(log.text());
        out.print(text.endsWith("\n") ? text : text + "\n");
    }

    /** Why nothing was printed: bamboo-pipeline get_plain_log_for_node answers "" for both. */
    public static String empty(String node, String version, Style style) {
        return version == null ? style.text("render.log.empty", node) : style.text("render.log.empty.version", node, version);
    }

    /**
     * The Job instances a Job-plugin node started, with the command for each step's log; an instance that could not be
     * read (no Job URL, no permission) gets the command that shows it instead.
     *
     * @param instances each instance's id, and its status (null when it could not be read)
     */
    public static List<String> jobHints(List<Long> ids, List<JobInstance> instances, Style style) {
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < ids.size(); i++) {
            long id = ids.get(i);
            JobInstance job = instances.get(i);
            if (job == null || job.steps().isEmpty()) {
                lines.add(style.text("render.log.job", id));
                continue;
            }
            lines.add(style.text("render.log.job.steps", id));
            for (StepInstance s : job.steps()) {
                lines.add("  bkops job log " + id + " --step " + s.id() + "   # " + TerminalText.line(s.name()));
            }
        }
        return lines;
    }
}
