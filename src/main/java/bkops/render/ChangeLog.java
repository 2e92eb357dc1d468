package bkops.render;

import bkops.model.PipelineTree;
import bkops.model.State;
import bkops.model.TaskStatus.NodeState;
import bkops.ops.TaskSnapshot;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * Progress for logs (output that is not a terminal): one line per state change of a task or of a node, and a
 * heartbeat when nothing changed for a while, so a CI log shows the task is alive without repeating itself.
 */
public final class ChangeLog {
    static final Duration HEARTBEAT = Duration.ofMinutes(1);

    private final PrintWriter out;
    private final boolean nodes;
    private final Style style;
    private final Map<String, State> seen = new HashMap<>();
    private final java.util.Set<String> announced = new java.util.HashSet<>();
    private Duration lastLine = Duration.ZERO;

    /** @param nodes also report each node's changes (one task watched), not only the tasks' */
    public ChangeLog(PrintWriter out, boolean nodes, Style style) {
        this.out = out;
        this.nodes = nodes;
        this.style = style;
    }

    public void polled(Map<String, TaskSnapshot> snapshots, Duration elapsed) {
        boolean printed = false;
        for (TaskSnapshot s : snapshots.values()) {
            if (s.status() == null) {
                printed |= change(elapsed, s.taskId(), style.text("render.log.task", s.taskId()), State.UNKNOWN,
                        style.text("render.task.not-found"));
                continue;
            }
            NodeState root = s.status().root();
            printed |= change(elapsed, s.taskId(), style.text("render.log.task", s.taskId()), root.state(), "");
            if (nodes) {
                printed |= nodeChanges(elapsed, s, root.children());
            }
            if (!s.server().autoRetrying().isEmpty() && announced.add(s.taskId() + " " + s.server().autoRetrying())) {
                line(elapsed, VerdictText.autoRetryNote(s, style));
                printed = true;
            }
        }
        if (printed) {
            lastLine = elapsed;
        } else if (elapsed.minus(lastLine).compareTo(HEARTBEAT) >= 0) {
            snapshots.values().forEach(s -> line(elapsed, s.status() == null
                    ? style.text("render.log.heartbeat.unknown", s.taskId())
                    : style.text("render.log.heartbeat", s.taskId(), s.status().state().name(), finished(s.status().root()))));
            lastLine = elapsed;
        }
        out.flush();
    }

    private boolean nodeChanges(Duration elapsed, TaskSnapshot s, Map<String, NodeState> children) {
        boolean printed = false;
        for (NodeState n : children.values()) {
            String name = s.tree() == null ? n.name() : s.tree().node(n.id()).map(ChangeLog::name).orElse(n.name());
            printed |= change(elapsed, s.taskId() + "/" + n.id(), "  " + (name.isBlank() ? n.id() : name), n.state(), "");
            printed |= nodeChanges(elapsed, s, n.children());
        }
        return printed;
    }

    /** An unnamed node by its type's code (start, exclusive...), as the pipeline tree writes it. */
    private static String name(PipelineTree.Node n) {
        return n.name().isBlank() ? n.type().name().toLowerCase(java.util.Locale.ROOT) : n.name();
    }

    private boolean change(Duration elapsed, String key, String what, State state, String note) {
        State before = seen.put(key, state);
        if (before == state) {
            return false;
        }
        line(elapsed, what + "  " + state.icon() + " " + (note.isEmpty() ? state.name() : note));
        return true;
    }

    private void line(Duration elapsed, String text) {
        out.println("+" + StatusTreeRenderer.formatDuration(elapsed.toSeconds()) + "  " + TerminalText.line(text));
    }

    private static long finished(NodeState n) {
        long here = n.children().isEmpty() && n.state() == State.FINISHED ? 1 : 0;
        return here + n.children().values().stream().mapToLong(ChangeLog::finished).sum();
    }
}
