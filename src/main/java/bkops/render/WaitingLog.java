package bkops.render;

import bkops.ops.TaskSnapshot;
import bkops.ops.WaitingOn;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * The progress of a wait that waits past waiting states (--through-waiting): a line each time what a task waits on
 * changes to something, stamped like {@link ChangeLog}'s lines; nothing when it stops waiting (the change log shows
 * the task or node moving on).
 */
public final class WaitingLog {
    private final PrintWriter out;
    private final Style style;
    private final Map<String, WaitingOn> last = new HashMap<>();

    public WaitingLog(PrintWriter out, Style style) {
        this.out = out;
        this.style = style;
    }

    public void polled(Map<String, TaskSnapshot> snapshots, Duration elapsed) {
        for (TaskSnapshot s : snapshots.values()) {
            if (s.status() == null) {
                continue;
            }
            WaitingOn now = WaitingOn.of(s);
            WaitingOn before = last.put(s.taskId(), now);
            if (!now.none() && !now.equals(before)) {
                out.println("+" + StatusTreeRenderer.formatDuration(elapsed.toSeconds()) + "  "
                        + VerdictText.waitingOn(now, style));
            }
        }
        out.flush();
    }
}
