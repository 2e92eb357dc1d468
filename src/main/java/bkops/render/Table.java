package bkops.render;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;

/**
 * A plain-text table aligned by display width, so Chinese names, emoji and coloured cells line up. Columns marked
 * wide-only appear only in the {@code wide} variant; a column's max width truncates its cells with "...".
 */
public final class Table {

    public enum Align { LEFT, RIGHT }

    private record Column(String header, Align align, int maxWidth, boolean wideOnly) {
    }

    private static final String GAP = "   ";

    private final List<Column> columns = new ArrayList<>();
    private final List<String[]> rows = new ArrayList<>();
    private boolean headers = true;
    private boolean wide;

    public Table column(String header) {
        return column(header, Align.LEFT, 0, false);
    }

    /** A column; {@code maxWidth} 0 means unbounded. */
    public Table column(String header, Align align, int maxWidth, boolean wideOnly) {
        columns.add(new Column(header, align, maxWidth, wideOnly));
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
