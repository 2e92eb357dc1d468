package bkops.render;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;

/**
 * A plain-text table aligned by display width, so Chinese names, emoji and coloured cells line up. Columns marked
 * wide-only appear only in the {@code wide} variant; a column's max width truncates its cells with "...".
 * <p>
 * Width, one rule for every table: a table {@link #fit fitted} to a terminal (0: not a terminal, never cut) keeps its
 * lines under the terminal's width by cutting its free columns (the long free text: a node's error, a task's name),
 * the widest first, with "…", down to {@link #FREE_MIN} columns; the other columns are never cut, and the {@code wide}
 * variant is never cut.
 */
public final class Table {

    public enum Align { LEFT, RIGHT }

    private record Column(String header, Align align, int maxWidth, boolean wideOnly, boolean free) {
    }

    /** A free column is not cut below this (or its header), however narrow the terminal: the line wraps instead. */
    static final int FREE_MIN = 12;

    private static final String GAP = "   ";

    private final List<Column> columns = new ArrayList<>();
    private final List<String[]> rows = new ArrayList<>();
    private boolean headers = true;
    private boolean wide;
    private int fit;

    public Table column(String header) {
        return column(header, Align.LEFT, 0, false);
    }

    /** A column; {@code maxWidth} 0 means unbounded. */
    public Table column(String header, Align align, int maxWidth, boolean wideOnly) {
        columns.add(new Column(header, align, maxWidth, wideOnly, false));
        return this;
    }

    /** The long free-text column (left-aligned), cut only when the table must {@link #fit} a terminal. */
    public Table freeColumn(String header) {
        columns.add(new Column(header, Align.LEFT, 0, false, true));
        return this;
    }

    /** A column shown only with {@link #wide(boolean)}. */
    public Table wideColumn(String header) {
        return column(header, Align.LEFT, 0, true);
    }

    public Table headers(boolean show) {
        this.headers = show;
        return this;
    }

    public Table wide(boolean wide) {
        this.wide = wide;
        return this;
    }

    /**
     * The terminal's columns the lines must stay under ({@link Style#width()}); 0, as for a pipe, never cuts. A line
     * is kept one column short of the width, as LiveView's frames are, so that it never wraps on the last column.
     */
    public Table fit(int terminalColumns) {
        this.fit = Math.max(0, terminalColumns);
        return this;
    }

    /** One row, cells in column order (wide-only columns included); missing cells are empty, null prints as "". */
    public Table row(String... cells) {
        rows.add(cells);
        return this;
    }

    public void print(PrintWriter out) {
        List<Integer> shown = new ArrayList<>();
        for (int c = 0; c < columns.size(); c++) {
            if (wide || !columns.get(c).wideOnly()) {
                shown.add(c);
            }
        }
        List<String[]> cells = new ArrayList<>(rows.size() + 1);
        if (headers) {
            cells.add(columns.stream().map(Column::header).toArray(String[]::new));
        }
        for (String[] row : rows) {
            String[] fitted = new String[columns.size()];
            for (int c = 0; c < columns.size(); c++) {
                // one line, and nothing from a server that a terminal would obey (bkops's own colours stay)
                String cell = c < row.length && row[c] != null ? TerminalText.cell(row[c]) : "";
                int max = columns.get(c).maxWidth();
                fitted[c] = max > 0 ? DisplayWidth.truncate(cell, max) : cell;
            }
            cells.add(fitted);
        }
        int[] widths = new int[columns.size()];
        int[][] cellWidths = new int[cells.size()][columns.size()];
        for (int r = 0; r < cells.size(); r++) {
            for (int c : shown) {
                cellWidths[r][c] = DisplayWidth.width(cells.get(r)[c]);
                widths[c] = Math.max(widths[c], cellWidths[r][c]);
            }
        }
        if (fit > 0 && !wide && shrinkFree(shown, widths)) {
            for (int r = 0; r < cells.size(); r++) {
                for (int c : shown) {
                    if (cellWidths[r][c] > widths[c]) {
                        cells.get(r)[c] = DisplayWidth.truncate(cells.get(r)[c], widths[c], CUT);
                        cellWidths[r][c] = DisplayWidth.width(cells.get(r)[c]);
                    }
                }
            }
        }
        StringBuilder line = new StringBuilder();
        for (int r = 0; r < cells.size(); r++) {
            line.setLength(0);
            for (int i = 0; i < shown.size(); i++) {
                int c = shown.get(i);
                String cell = cells.get(r)[c];
                int fill = widths[c] - cellWidths[r][c];
                boolean last = i == shown.size() - 1;
                if (i > 0) {
                    line.append(GAP);
                }
                if (columns.get(c).align() == Align.RIGHT) {
                    line.append(" ".repeat(fill)).append(cell);
                } else {
                    line.append(cell);
                    if (!last) {
                        line.append(" ".repeat(fill));
                    }
                }
            }
            out.println(stripTrailing(line));
        }
        out.flush();
    }

    private static final String CUT = "…";

    /** Narrows the free columns, the widest first, until the lines fit; true when any was narrowed. */
    private boolean shrinkFree(List<Integer> shown, int[] widths) {
        int total = GAP.length() * Math.max(0, shown.size() - 1);
        for (int c : shown) {
            total += widths[c];
        }
        int excess = total - (fit - 1);
        boolean cut = false;
        while (excess > 0) {
            int widest = -1;
            for (int c : shown) {
                Column col = columns.get(c);
                int floor = Math.max(FREE_MIN, DisplayWidth.width(col.header()));
                if (col.free() && widths[c] > floor && (widest < 0 || widths[c] > widths[widest])) {
                    widest = c;
                }
            }
            if (widest < 0) {
                break; // nothing left to cut: the terminal wraps the line
            }
            widths[widest]--;
            excess--;
            cut = true;
        }
        return cut;
    }

    public String render() {
        StringWriter s = new StringWriter();
        print(new PrintWriter(s));
        return s.toString();
    }

    private static String stripTrailing(StringBuilder line) {
        int end = line.length();
        while (end > 0 && line.charAt(end - 1) == ' ') {
            end--;
        }
        return line.substring(0, end);
    }
}
