package bkops.render;


import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;

/**
 * Redraws a block of text in place on a terminal: the cursor goes back to the block's first line and each line is
 * overwritten and cleared to its end, then whatever is left below is cleared. Nothing is blanked first, so the screen
 * does not flicker. The block must stay within the screen: a line wider than the terminal wraps and a block taller
 * than it scrolls, and either way the cursor no longer goes back to the block's start, so every frame would pile up
 * below the last one. So when the terminal's size is known, lines are cut to its width (display width, less one
 * column: some terminals wrap at once on the last one) and the body is asked to fit in its height, less the footer and
 * the line the cursor rests on.
 */
public final class LiveView {
    private static final String CLEAR_LINE = "\u001b[K";
    private static final String CLEAR_BELOW = "\u001b[J";

    private final PrintWriter out;
    private final TerminalSize size;
    private int lines;
    private List<String> lastBody = List.of();

    public LiveView(PrintWriter out, TerminalSize size) {
        this.out = out;
        this.size = size;
    }

    /**
     * Draws {@code body} (made for at most the given number of lines; 0 = no limit) with {@code footer} under it.
     */
    public void show(IntFunction<String> body, String footer) {
        TerminalSize.Size s = size.get();
        List<String> foot = rows(footer);
        int room = s.lines() > 0 ? Math.max(1, s.lines() - 1 - foot.size()) : 0;
        List<String> b = rows(body.apply(room));
        if (room > 0 && b.size() > room) {
            b = b.subList(0, room); // the body did not fit itself: cut, never scroll
        }
        lastBody = b;
        List<String> all = new ArrayList<>(b);
        all.addAll(foot);
        draw(all, s);
    }

    /** Draws the last body again without its footer: what stays on screen once the watch is over. */
    public void end() {
        if (lines > 0) {
            draw(lastBody, size.get());
        }
    }

    private void draw(List<String> rows, TerminalSize.Size s) {
        StringBuilder b = new StringBuilder();
        if (lines > 0) {
            b.append("\r\u001b[").append(lines).append('A');
        }
        for (String row : rows) {
            b.append(s.columns() > 1 ? fit(row, s.columns() - 1) : row).append(CLEAR_LINE).append('\n');
        }
        b.append(CLEAR_BELOW);
        out.print(b);
        out.flush();
        lines = rows.size();
    }

    private static List<String> rows(String block) {
        List<String> rows = new ArrayList<>(List.of(block.split("\n", -1)));
        if (block.endsWith("\n")) {
            rows.remove(rows.size() - 1);
        }
        return rows;
    }

    /** The row cut to {@code columns}, table padding dropped first so that only real content is cut. */
    private static String fit(String row, int columns) {
        String r = row.stripTrailing();
        return DisplayWidth.width(r) <= columns ? r : DisplayWidth.truncate(r, columns);
    }
}
