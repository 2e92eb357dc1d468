package bkops.cli.task;

import java.io.PrintWriter;

/**
 * Redraws a block of text in place on a terminal: the cursor goes back to the block's first line and each line is
 * overwritten and cleared to its end, then whatever is left below is cleared. Nothing is blanked first, so the screen
 * does not flicker.
 */
final class LiveView {
    private static final String CLEAR_LINE = "\u001b[K";
    private static final String CLEAR_BELOW = "\u001b[J";

    private final PrintWriter out;
    private int lines;

    LiveView(PrintWriter out) {
        this.out = out;
    }

    void show(String block) {
        StringBuilder s = new StringBuilder();
        if (lines > 0) {
            s.append("\r\u001b[").append(lines).append('A');
        }
        String[] rows = block.split("\n", -1);
        int count = block.endsWith("\n") ? rows.length - 1 : rows.length;
        for (int i = 0; i < count; i++) {
            s.append(rows[i]).append(CLEAR_LINE).append('\n');
        }
        s.append(CLEAR_BELOW);
        out.print(s);
        out.flush();
        lines = count;
    }
}
